#include "kubernetes/run_config.hpp"

#include <stdexcept>

#include "core/json.hpp"
#include "kubernetes/yaml.hpp"

namespace genai::kubernetes {

namespace {
constexpr const char* kDefaultConfig = R"json({
  "version": "2",
  "image_name": "rh",
  "apis": ["agents", "datasetio", "files", "inference", "safety", "scoring", "tool_runtime", "vector_io"],
  "providers": {
    "inference": [{"provider_id": "sentence-transformers", "provider_type": "inline::sentence-transformers", "config": {}}],
    "vector_io": [{"provider_id": "milvus", "provider_type": "inline::milvus",
                   "config": {"db_path": "/opt/app-root/src/.llama/distributions/rh/milvus.db",
                              "persistence": {"namespace": "vector_io::milvus", "backend": "kv_default"}}}],
    "agents": [{"provider_id": "meta-reference", "provider_type": "inline::meta-reference",
                "config": {"persistence": {"agent_state": {"namespace": "agents", "backend": "kv_default"},
                                           "responses": {"table_name": "responses", "backend": "sql_default"}}}}],
    "files": [{"provider_id": "meta-reference-files", "provider_type": "inline::localfs",
               "config": {"storage_dir": "/opt/app-root/src/.llama/distributions/rh/files",
                          "metadata_store": {"table_name": "files_metadata", "backend": "sql_default"}}}],
    "datasetio": [{"provider_id": "huggingface", "provider_type": "remote::huggingface",
                   "config": {"kvstore": {"namespace": "datasetio::huggingface", "backend": "kv_default"}}}],
    "scoring": [{"provider_id": "basic", "provider_type": "inline::basic", "config": {}},
                {"provider_id": "llm-as-judge", "provider_type": "inline::llm-as-judge", "config": {}}],
    "tool_runtime": [{"provider_id": "rag-runtime", "provider_type": "inline::rag-runtime", "config": {}},
                     {"provider_id": "model-context-protocol", "provider_type": "remote::model-context-protocol", "config": {}}]
  },
  "metadata_store": {"type": "sqlite", "db_path": "/opt/app-root/src/.llama/distributions/rh/registry.db"},
  "storage": {
    "backends": {"kv_default": {"type": "kv_sqlite", "db_path": "/opt/app-root/src/.llama/distributions/rh/kvstore.db"},
                 "sql_default": {"type": "sql_sqlite", "db_path": "/opt/app-root/src/.llama/distributions/rh/sql_store.db"}},
    "stores": {"metadata": {"namespace": "registry", "backend": "kv_default"},
               "inference": {"table_name": "inference_store", "backend": "sql_default"},
               "conversations": {"table_name": "openai_conversations", "backend": "sql_default"}}
  },
  "vector_stores": {"default_provider_id": "milvus",
                    "default_embedding_model": {"provider_id": "sentence-transformers",
                                                "model_id": "ibm-granite/granite-embedding-125m-english"}},
  "registered_resources": {
    "models": [{"model_id": "granite-embedding-125m", "provider_id": "sentence-transformers",
                "provider_model_id": "ibm-granite/granite-embedding-125m-english", "model_type": "embedding",
                "metadata": {"embedding_dimension": 768}}],
    "tool_groups": [{"toolgroup_id": "builtin::rag", "provider_id": "rag-runtime"}]
  },
  "server": {"port": 8321}
})json";

// Registered models live in registered_resources.models (current schema) or in a top-level
// `models` list (older run.yaml files): both are searched.
const Json* findModel(const Json& config, std::string_view modelId) {
    for (const Json* list : {config.contains("registered_resources") && config["registered_resources"].is_object() &&
                                     config["registered_resources"].contains("models")
                                 ? &config["registered_resources"]["models"]
                                 : nullptr,
                             config.contains("models") ? &config["models"] : nullptr}) {
        if (!list || !list->is_array()) continue;
        for (const auto& model : *list) {
            if (!model.is_object()) continue;
            const std::string id = model.value("model_id", std::string());
            const std::string provider = model.value("provider_id", std::string());
            if (id == modelId || (!provider.empty() && provider + "/" + id == modelId)) return &model;
        }
    }
    return nullptr;
}
}  // namespace

Json defaultRunConfig() { return parseJson(kDefaultConfig); }

void addVllmProvider(Json& config, const std::string& providerId, const std::string& url, int index) {
    Json provider = parseJson(R"({"provider_type": "remote::vllm", "config": {
        "max_tokens": "${env.VLLM_MAX_TOKENS:=4096}", "tls_verify": "${env.VLLM_TLS_VERIFY:=true}"}})");
    provider["provider_id"] = providerId;
    provider["config"]["url"] = url;
    provider["config"]["api_token"] = "${env.VLLM_API_TOKEN_" + std::to_string(index) + ":=fake}";
    config["providers"]["inference"].push_back(std::move(provider));
}

void registerModel(Json& config, Json model) { config["registered_resources"]["models"].push_back(std::move(model)); }

std::string renderRunYaml(const Json& config) { return "# Llama Stack Configuration\n" + emitYaml(config); }

std::string reduceEnvDefault(std::string_view value) {
    constexpr std::string_view open = "${env.";
    if (value.substr(0, open.size()) != open || value.empty() || value.back() != '}') return std::string(value);
    std::string_view inner = value.substr(open.size(), value.size() - open.size() - 1);
    auto marker = inner.find(":=");
    return marker == std::string_view::npos ? std::string() : std::string(inner.substr(marker + 2));
}

Json findModelProvider(const Json& config, std::string_view modelId) {
    const Json* model = config.is_object() ? findModel(config, modelId) : nullptr;
    if (!model) throw std::invalid_argument("provider not found for model " + std::string(modelId));
    const std::string providerId = model->value("provider_id", std::string());
    const Json* providers = nullptr;
    if (config.contains("providers") && config["providers"].is_object() && config["providers"].contains("inference"))
        providers = &config["providers"]["inference"];
    if (providers && providers->is_array()) {
        for (const auto& provider : *providers) {
            if (!provider.is_object() || provider.value("provider_id", std::string()) != providerId) continue;
            std::string url;
            if (provider.contains("config") && provider["config"].is_object())
                url = reduceEnvDefault(provider["config"].value("url", std::string()));
            Json info = Json::object();
            info["model_id"] = model->value("model_id", std::string());
            info["provider_id"] = providerId;
            info["provider_type"] = provider.value("provider_type", std::string());
            info["url"] = url;
            return info;
        }
    }
    throw std::invalid_argument("provider configuration not found for provider_id " + providerId);
}

}  // namespace genai::kubernetes
