// The LlamaStack client over a scripted transport: request building (UPSTREAM.md §2.3, §2.4),
// validation with the upstream messages (§2.6), and the HEAD error mapping.
#include <doctest/doctest.h>

#include "llamastack/factory.hpp"
#include "llamastack/multipart.hpp"
#include "support/test_support.hpp"

using namespace genai;
using genai::testing::expectError;
using genai::testing::jsonReply;
using genai::testing::runSync;
using nlohmann::json;

namespace {
struct Fixture : testing::ScriptedFactory<llamastack::RealLlamaStackClientFactory> {
    std::unique_ptr<llamastack::LlamaStackClient> client(llamastack::LlamaStackOptions settings = {},
                                                         std::string token = "user-token") {
        return factory.createClient(options("https://lsd.example.com:8321/", std::move(token)), settings);
    }
};

http::CallOptions noRetries() {
    http::CallOptions o;
    o.maxRetries = 0;
    return o;
}

std::string validationMessage(const std::function<void()>& fn) {
    try {
        fn();
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::Validation);
        CHECK(e.code() == "INVALID_REQUEST");
        CHECK(e.info().mappedStatus == 400);
        return e.what();
    }
    FAIL("expected a ValidationError");
    return {};
}

json responseRequest(json extra = json::object()) {
    json r = {{"input", "What is RAG?"}, {"model", "llama-3.1-8b-instruct"}};
    r.update(extra);
    return r;
}
}  // namespace

TEST_CASE("llamastack: listModels is GET <base>/v1/models with the token; apiPath selects older servers") {
    Fixture f;
    f.transport->replies.push_back(jsonReply(200, R"({"object":"list","data":[{"id":"m1","object":"model"}]})"));
    auto models = runSync(f.client()->listModels({}));
    CHECK(models.size() == 1);
    CHECK(f.sent().method == "GET");
    CHECK(f.sent().url == "https://lsd.example.com:8321/v1/models");
    CHECK(f.sent().headers.get("Authorization") == "Bearer user-token");
    CHECK(f.sent().headers.get("Accept") == "application/json");
    CHECK(f.sent().timeoutMs == 8 * 60 * 1000);

    llamastack::LlamaStackOptions older;
    older.apiPath = "/v1/openai/v1";
    f.transport->replies.push_back(jsonReply(200, R"({"object":"list","data":[]})"));
    runSync(f.client(older)->listModels({}));
    CHECK(f.sent(1).url == "https://lsd.example.com:8321/v1/openai/v1/models");
}

TEST_CASE("llamastack: client settings are validated") {
    CHECK(validationMessage([] { llamastack::LlamaStackOptions::fromJson({{"apiPath", "v1"}}); }) ==
          "apiPath must be a path such as /v1 or /v1/openai/v1, got: v1");
    CHECK(validationMessage([] { llamastack::LlamaStackOptions::fromJson({{"apiPath", "/v1/../admin"}}); }).size() > 0);
    CHECK(validationMessage([] { llamastack::LlamaStackOptions::fromJson({{"providerDataHeader", "x bad"}}); }) ==
          "providerDataHeader is not a valid header name: x bad");
    auto ok = llamastack::LlamaStackOptions::fromJson({{"providerDataHeader", "x-ogx-provider-data"}, {"embeddingDimension", 384}});
    CHECK(ok.providerDataHeader == "x-ogx-provider-data");
    CHECK(ok.embeddingDimension == 384);
    CHECK(ok.apiPath == "/v1");
}

TEST_CASE("llamastack: listVectorStores follows after/has_more to the end, limit 100 by default") {
    Fixture f;
    f.transport->replies.push_back(jsonReply(200, R"({"object":"list","data":[{"id":"vs_1"},{"id":"vs_2"}],"has_more":true})"));
    f.transport->replies.push_back(jsonReply(200, R"({"object":"list","data":[{"id":"vs_3"}],"has_more":false})"));
    auto stores = runSync(f.client()->listVectorStores(llamastack::ListVectorStoresRequest::fromJson({{"order", "asc"}}), {}));
    REQUIRE(stores.size() == 3);
    CHECK(stores[2]["id"] == "vs_3");
    CHECK(f.sent(0).url == "https://lsd.example.com:8321/v1/vector_stores?limit=100&order=asc");
    CHECK(f.sent(1).url == "https://lsd.example.com:8321/v1/vector_stores?limit=100&order=asc&after=vs_2");

    // An empty page ends the walk even if has_more says otherwise.
    f.transport->replies.push_back(jsonReply(200, R"({"object":"list","data":[],"has_more":true})"));
    CHECK(runSync(f.client()->listVectorStores({}, {})).empty());

    // A server that never moves on is a protocol error, not an endless loop.
    f.transport->handler = [](const http::Request&) {
        return jsonReply(200, R"({"object":"list","data":[{"id":"vs_same"}],"has_more":true})");
    };
    auto stuck = expectError(f.client()->listVectorStores({}, {}));
    CHECK(stuck.kind() == ErrorKind::Protocol);
    CHECK(stuck.code() == "INTERNAL_ERROR");
}

TEST_CASE("llamastack: list parameters are validated with the upstream messages, before any request") {
    using llamastack::ListFilesRequest;
    using llamastack::ListVectorStoreFilesRequest;
    using llamastack::ListVectorStoresRequest;
    CHECK(validationMessage([] { ListVectorStoresRequest::fromJson({{"limit", 0}}); }) ==
          "limit must be between 1 and 100, got: 0");
    CHECK(validationMessage([] { ListVectorStoresRequest::fromJson({{"order", "newest"}}); }) ==
          "order must be 'asc' or 'desc', got: newest");
    CHECK(validationMessage([] { ListFilesRequest::fromJson({{"limit", 10001}}); }) ==
          "limit must be between 1 and 10000, got: 10001");
    CHECK(validationMessage([] { ListFilesRequest::fromJson({{"purpose", "training"}}); }) ==
          "purpose must be one of [assistants batch fine-tune vision user_data evals], got: training");
    CHECK(validationMessage([] { ListVectorStoreFilesRequest::fromJson("", json::object()); }) ==
          "vectorStoreID is required");
    CHECK(validationMessage([] { ListVectorStoreFilesRequest::fromJson("vs_1", {{"limit", 101}}); }) ==
          "limit must be between 1 and 100, got: 101");
    CHECK(validationMessage([] { ListVectorStoreFilesRequest::fromJson("vs_1", {{"filter", "done"}}); }) ==
          "filter must be one of [in_progress completed failed cancelled], got: done");
    CHECK(validationMessage([] { ListFilesRequest::fromJson({{"limit", "10"}}); }) == "limit must be an integer");
    CHECK(validationMessage([] { ListFilesRequest::fromJson({{"purpose", "assistants"}, {"sort", "x"}}); }) ==
          "unknown field 'sort'; known fields: limit, order, purpose");
}

TEST_CASE("llamastack: listFiles and listVectorStoreFiles send only the parameters given, first page only") {
    Fixture f;
    f.transport->handler = [](const http::Request&) {
        return jsonReply(200, R"({"object":"list","data":[{"id":"file-1"}],"has_more":true})");
    };
    auto files = runSync(f.client()->listFiles(llamastack::ListFilesRequest::fromJson({{"purpose", "assistants"}}), {}));
    CHECK(files.size() == 1);
    CHECK(f.sent(0).url == "https://lsd.example.com:8321/v1/files?purpose=assistants");
    runSync(f.client()->listVectorStoreFiles(
        llamastack::ListVectorStoreFilesRequest::fromJson("vs/1", {{"limit", 5}, {"order", "desc"}, {"filter", "completed"}}), {}));
    CHECK(f.sent(1).url == "https://lsd.example.com:8321/v1/vector_stores/vs%2F1/files?limit=5&order=desc&filter=completed");
    CHECK(f.transport->requests.size() == 2);
}

TEST_CASE("llamastack: createVectorStore sends the upstream body with HEAD defaults and is never retried") {
    Fixture f;
    f.transport->replies.push_back(jsonReply(200, R"({"id":"vs_new","object":"vector_store","name":"docs"})"));
    auto store = runSync(f.client()->createVectorStore(llamastack::CreateVectorStoreRequest::fromJson({{"name", "docs"}}), {}));
    CHECK(store["id"] == "vs_new");
    CHECK(f.sent().method == "POST");
    CHECK(f.sent().url == "https://lsd.example.com:8321/v1/vector_stores");
    CHECK(json::parse(f.sent().body) ==
          json{{"name", "docs"},
               {"metadata", nullptr},
               {"embedding_model", "sentence-transformers/ibm-granite/granite-embedding-125m-english"},
               {"embedding_dimension", 768}});

    f.transport->replies.push_back(jsonReply(200, R"({"id":"vs_2"})"));
    runSync(f.client()->createVectorStore(
        llamastack::CreateVectorStoreRequest::fromJson({{"name", "docs"}, {"providerId", "milvus"}, {"metadata", {{"team", "a"}}},
                                                        {"embeddingModel", "m"}, {"embeddingDimension", 384}}),
        {}));
    CHECK(json::parse(f.sent(1).body) == json{{"name", "docs"}, {"metadata", {{"team", "a"}}}, {"provider_id", "milvus"},
                                              {"embedding_model", "m"}, {"embedding_dimension", 384}});

    f.transport->replies.push_back(jsonReply(503, R"({"error":{"message":"busy"}})"));
    auto error = expectError(f.client()->createVectorStore(llamastack::CreateVectorStoreRequest::fromJson({{"name", "x"}}), {}));
    CHECK(error.code() == "SERVER_UNAVAILABLE");
    CHECK(f.transport->requests.size() == 3);  // no retry of a POST
}

TEST_CASE("llamastack: createVectorStore validation") {
    using llamastack::CreateVectorStoreRequest;
    CHECK(validationMessage([] { CreateVectorStoreRequest::fromJson(json::object()); }) == "name is required");
    json many = json::object();
    for (int i = 0; i < 17; ++i) many["k" + std::to_string(i)] = "v";
    CHECK(validationMessage([&] { CreateVectorStoreRequest::fromJson({{"name", "n"}, {"metadata", many}}); }) ==
          "metadata can have max 16 key-value pairs, got: 17");
    const std::string longKey(65, 'k');
    CHECK(validationMessage([&] { CreateVectorStoreRequest::fromJson({{"name", "n"}, {"metadata", {{longKey, "v"}}}}); }) ==
          "metadata key '" + longKey + "' exceeds 64 chars");
    CHECK(validationMessage([] {
              CreateVectorStoreRequest::fromJson({{"name", "n"}, {"metadata", {{"k", std::string(513, 'v')}}}});
          }) == "metadata value for 'k' exceeds 512 chars");
    // Characters, not bytes: 64 two-byte characters fit.
    std::string accented;
    for (int i = 0; i < 64; ++i) accented += "\xC3\xA9";
    CHECK_NOTHROW(CreateVectorStoreRequest::fromJson({{"name", "n"}, {"metadata", {{accented, "v"}}}}));
}

TEST_CASE("llamastack: uploadFile posts multipart/form-data, then attaches with the chunking strategy") {
    Fixture f;
    f.transport->replies.push_back(jsonReply(200, R"({"id":"file-abc","object":"file","bytes":5,"filename":"a \"b\".txt"})"));
    f.transport->replies.push_back(jsonReply(200, R"({"id":"file-abc","object":"vector_store.file","status":"in_progress"})"));
    const std::string bytes("hel\0o", 5);
    auto upload = llamastack::UploadFileRequest::fromJson(
        bytes, true,
        {{"filename", "a \"b\".txt"}, {"contentType", "text/plain"}, {"vectorStoreId", "vs_1"},
         {"chunkingStrategy", {{"type", "static"}, {"static", {{"maxChunkSizeTokens", 800}, {"chunkOverlapTokens", 400}}}}}});
    std::vector<std::pair<std::string, size_t>> uploaded;  // (file id, requests sent by then)
    upload.onUploaded = [&](const json& file) { uploaded.emplace_back(file["id"], f.transport->requests.size()); };
    auto result = runSync(f.client()->uploadFile(upload, {}));
    // Reported once, after the upload and before the attach request.
    CHECK(uploaded == std::vector<std::pair<std::string, size_t>>{{"file-abc", 1}});
    CHECK(result["file_id"] == "file-abc");
    CHECK(result["file"]["bytes"] == 5);
    CHECK(result["vector_store_file"]["status"] == "in_progress");

    const auto& post = f.sent(0);
    CHECK(post.url == "https://lsd.example.com:8321/v1/files");
    auto boundary = llamastack::multipartBoundary(post.headers.get("Content-Type").value_or(""));
    REQUIRE(boundary);
    auto parts = llamastack::parseMultipart(post.body, *boundary);
    REQUIRE(parts);
    REQUIRE(parts->size() == 2);
    CHECK((*parts)[0].name == "file");
    CHECK((*parts)[0].filename == "a \"b\".txt");
    CHECK((*parts)[0].contentType == "text/plain");
    CHECK((*parts)[0].data == bytes);
    CHECK((*parts)[1].name == "purpose");
    CHECK((*parts)[1].data == "assistants");

    CHECK(f.sent(1).url == "https://lsd.example.com:8321/v1/vector_stores/vs_1/files");
    CHECK(json::parse(f.sent(1).body) ==
          json{{"file_id", "file-abc"},
               {"chunking_strategy", {{"type", "static"}, {"static", {{"max_chunk_size_tokens", 800}, {"chunk_overlap_tokens", 400}}}}}});
}

TEST_CASE("llamastack: uploadFile without a store makes one request; a failed attach names the uploaded file") {
    Fixture f;
    f.transport->replies.push_back(jsonReply(200, R"({"id":"file-1"})"));
    auto result = runSync(f.client()->uploadFile(llamastack::UploadFileRequest::fromJson("x", true, {{"filename", "a.txt"}}), {}));
    CHECK(result["file_id"] == "file-1");
    CHECK_FALSE(result.contains("vector_store_file"));
    CHECK(f.transport->requests.size() == 1);

    f.transport->replies.push_back(jsonReply(200, R"({"id":"file-2"})"));
    f.transport->replies.push_back(jsonReply(404, R"({"error":{"message":"vector store vs_x not found"}})"));
    auto error = expectError(f.client()->uploadFile(
        llamastack::UploadFileRequest::fromJson("x", true, {{"filename", "a.txt"}, {"vectorStoreId", "vs_x"},
                                                            {"chunkingStrategy", {{"type", "auto"}}}}),
        {}));
    CHECK(error.code() == "NOT_FOUND");
    CHECK(std::string(error.what()).find("file-2") != std::string::npos);
    CHECK(json::parse(f.sent(2).body) == json{{"file_id", "file-2"}, {"chunking_strategy", {{"type", "auto"}}}});
}

TEST_CASE("llamastack: uploadFile validation") {
    using llamastack::UploadFileRequest;
    CHECK(validationMessage([] { UploadFileRequest::fromJson("", false, {{"filename", "a"}}); }) ==
          "either FilePath or Reader+Filename must be provided");
    CHECK(validationMessage([] { UploadFileRequest::fromJson("x", true, json::object()); }) ==
          "filename is required when using Reader");
    CHECK(validationMessage([] { UploadFileRequest::fromJson("x", true, {{"filename", "a"}, {"purpose", "fun"}}); }) ==
          "purpose must be one of [assistants batch fine-tune vision user_data evals], got: fun");
    CHECK(validationMessage([] {
              UploadFileRequest::fromJson("x", true, {{"filename", "a"}, {"chunkingStrategy", {{"type", "semantic"}}}});
          }) == "chunkingStrategy type must be 'auto' or 'static', got: semantic");
    CHECK_NOTHROW(UploadFileRequest::fromJson("", true, {{"filename", "empty.txt"}}));  // an empty file is a file
    CHECK(UploadFileRequest::fromJson("x", true, {{"filename", "a"}}).purpose == "assistants");
}

TEST_CASE("llamastack: createResponse body follows §2.4") {
    Fixture f;
    f.transport->handler = [](const http::Request&) { return jsonReply(200, R"({"id":"resp_1","status":"completed"})"); };
    auto client = f.client();

    runSync(client->createResponse(llamastack::CreateResponseRequest::fromJson(responseRequest()), {}));
    CHECK(json::parse(f.sent(0).body) == json{{"model", "llama-3.1-8b-instruct"}, {"input", "What is RAG?"}, {"store", true}});
    CHECK_FALSE(f.sent(0).headers.has("x-llamastack-provider-data"));

    runSync(client->createResponse(
        llamastack::CreateResponseRequest::fromJson(responseRequest(
            {{"chatContext", json::array({{{"role", "system"}, {"content", "Be brief"}},
                                          {{"role", "assistant"}, {"content", "Hi"}},
                                          {{"role", "tool"}, {"content", "42"}}})},
             {"instructions", "You are helpful"}, {"temperature", 0.7}, {"topP", 0.9}, {"store", false},
             {"vectorStoreIds", {"vs_1", "vs_2"}},
             {"mcpServers", json::array({{{"serverLabel", "github"}, {"serverUrl", "https://mcp.example/github"},
                                          {"headers", {{"Authorization", "Bearer gh"}}}},
                                         {{"serverLabel", "k8s"}, {"serverUrl", "https://mcp.example/k8s"},
                                          {"allowedTools", json::array()}},
                                         {{"serverLabel", "fs"}, {"serverUrl", "https://mcp.example/fs"},
                                          {"allowedTools", {"read"}}, {"authorization", "tok"}}})},
             {"providerData", {{"vllm_api_token", "maas-token-ü"}}}})),
        {}));
    const json body = json::parse(f.sent(1).body);
    CHECK(body["input"] == json::array({{{"role", "system"}, {"content", "Be brief"}},
                                        {{"role", "assistant"}, {"content", "Hi"}},
                                        {{"role", "user"}, {"content", "42"}},
                                        {{"role", "user"}, {"content", "What is RAG?"}}}));
    CHECK(body["instructions"] == "You are helpful");
    CHECK(body["temperature"] == 0.7);
    CHECK(body["top_p"] == 0.9);
    CHECK(body["store"] == false);
    CHECK(body["tools"][0] == json{{"type", "file_search"}, {"vector_store_ids", {"vs_1", "vs_2"}}});
    CHECK(body["tools"][1] == json{{"type", "mcp"}, {"server_label", "github"}, {"server_url", "https://mcp.example/github"},
                                   {"headers", {{"Authorization", "Bearer gh"}}}});
    CHECK_FALSE(body["tools"][1].contains("allowed_tools"));  // absent: every tool
    CHECK(body["tools"][2]["allowed_tools"] == json::array());  // []: none
    CHECK(body["tools"][3]["allowed_tools"] == json{"read"});
    CHECK(body["tools"][3]["authorization"] == "tok");
    CHECK(body["include"] == json{"file_search_call.results"});
    CHECK_FALSE(body.contains("stream"));
    CHECK_FALSE(body.contains("previous_response_id"));
    // Non-ASCII is escaped so the header value stays portable.
    CHECK(f.sent(1).headers.get("x-llamastack-provider-data") == R"({"vllm_api_token":"maas-token-\u00fc"})");

    llamastack::LlamaStackOptions ogx;
    ogx.providerDataHeader = "x-ogx-provider-data";
    runSync(f.client(ogx)->createResponse(
        llamastack::CreateResponseRequest::fromJson(
            responseRequest({{"previousResponseId", "resp_0"}, {"providerData", {{"k", "v"}}}})),
        {}));
    CHECK(json::parse(f.sent(2).body)["previous_response_id"] == "resp_0");
    CHECK(f.sent(2).headers.get("x-ogx-provider-data") == R"({"k":"v"})");
    CHECK_FALSE(f.sent(2).headers.has("x-llamastack-provider-data"));
}

TEST_CASE("llamastack: multimodal input (HEAD) is always an item list with typed parts") {
    Fixture f;
    f.transport->handler = [](const http::Request&) { return jsonReply(200, R"({"id":"resp_1"})"); };
    runSync(f.client()->createResponse(
        llamastack::CreateResponseRequest::fromJson(
            responseRequest({{"input", json::array({{{"type", "input_text"}, {"text", "What is this?"}},
                                                    {{"type", "input_image"}, {"fileId", "file-0a1b"}}})}})),
        {}));
    CHECK(json::parse(f.sent().body)["input"] ==
          json::array({{{"role", "user"},
                        {"content", json::array({{{"type", "input_text"}, {"text", "What is this?"}},
                                                 {{"type", "input_image"}, {"detail", "auto"}, {"file_id", "file-0a1b"}}})}}}));
}

TEST_CASE("llamastack: createResponse validation, in the upstream order and words") {
    using llamastack::CreateResponseRequest;
    auto message = [](json request) { return validationMessage([&] { CreateResponseRequest::fromJson(request); }); };
    CHECK(message({{"model", "m"}}) == "input is required");
    CHECK(message({{"input", ""}, {"model", "m"}}) == "input is required");
    CHECK(message({{"input", "hi"}}) == "model is required");
    CHECK(message(responseRequest({{"temperature", 2.5}})) == "temperature must be between 0 and 2, got: 2.50");
    CHECK(message(responseRequest({{"topP", -0.1}})) == "top_p must be between 0 and 1, got: -0.10");
    CHECK(message(responseRequest({{"mcpServers", json::array({{{"serverUrl", "u"}}})}})) ==
          "server_label is required for MCP server");
    CHECK(message(responseRequest({{"mcpServers", json::array({{{"serverLabel", "gh"}}})}})) ==
          "server_url is required for MCP server");
    CHECK(message(responseRequest({{"mcpServers", json::array({{{"serverLabel", "gh"}, {"serverUrl", "u"},
                                                                {"allowedTools", {"a", ""}}}})}})) ==
          "MCP server 'gh': allowed_tools[1] cannot be empty string");
    CHECK(message(responseRequest({{"chatContext", json::array({{{"role", "user"}, {"content", "x"}}})},
                                   {"previousResponseId", "resp_1"}}))
              .rfind("chat_context and previous_response_id cannot be used together. Use either", 0) == 0);
    CHECK(message(responseRequest({{"input", json::array()}})) == "input array must contain at least one content part");
    CHECK(message(responseRequest({{"input", json::array({{{"type", "input_image"}, {"fileId", "img.png"}}})}})) ==
          "invalid file_id \"img.png\"; expected format 'file-<hex>' from the file upload endpoint");
    CHECK(message(responseRequest({{"input", json::array({{{"type", "input_audio"}}})}})) ==
          "unsupported content part type \"input_audio\"; expected 'input_text' or 'input_image'");
    CHECK(message(responseRequest({{"top_p", 0.5}})).rfind("unknown field 'top_p'; known fields: input, model", 0) == 0);
    CHECK(message(responseRequest({{"providerData", "token"}})) == "providerData must be an object");
}

TEST_CASE("llamastack: errors follow the HEAD mapping table") {
    struct Case {
        int status;
        const char* code;
        ErrorKind kind;
    };
    const Case cases[] = {{400, "INVALID_REQUEST", ErrorKind::BadRequest}, {401, "UNAUTHORIZED", ErrorKind::Authentication},
                          {404, "NOT_FOUND", ErrorKind::NotFound},       {408, "SERVER_UNAVAILABLE", ErrorKind::Timeout},
                          {429, "SERVER_UNAVAILABLE", ErrorKind::RateLimit}, {503, "SERVER_UNAVAILABLE", ErrorKind::Server},
                          {504, "SERVER_UNAVAILABLE", ErrorKind::Server}, {500, "INTERNAL_ERROR", ErrorKind::Server},
                          {403, "INTERNAL_ERROR", ErrorKind::PermissionDenied}, {422, "INTERNAL_ERROR", ErrorKind::BadRequest}};
    for (const auto& c : cases) {
        CAPTURE(c.status);
        Fixture f;
        f.transport->replies.push_back(jsonReply(c.status, R"({"error":{"message":"upstream says no","type":"x"}})"));
        auto error = expectError(f.client()->listModels(noRetries()));
        CHECK(error.code() == c.code);
        CHECK(error.kind() == c.kind);
        CHECK(error.status() == c.status);
        CHECK(error.info().mappedStatus == c.status);
        CHECK(error.info().service == "llamastack");
        CHECK(error.info().component == "ogx");
        CHECK(std::string(error.what()) == "LlamaStack error on operation ListModels: upstream says no");
    }
}

TEST_CASE("llamastack: network, timeout and malformed bodies; components from the error code") {
    Fixture f;
    testing::ScriptedReply down;
    down.failure = ErrorKind::Connection;
    f.transport->replies = {down};
    auto connection = expectError(f.client()->getResponse("resp_1", noRetries()));
    CHECK(connection.code() == "CONNECTION_FAILED");
    CHECK(connection.info().mappedStatus == 502);
    CHECK(std::string(connection.what()).rfind("failed to connect to LlamaStack server on operation GetResponse: ", 0) == 0);

    testing::ScriptedReply slow;
    slow.failure = ErrorKind::Timeout;
    f.transport->replies = {slow};
    auto timeout = expectError(f.client()->getResponse("resp_1", noRetries()));
    CHECK(timeout.kind() == ErrorKind::Timeout);
    CHECK(timeout.code() == "TIMEOUT");
    CHECK(timeout.info().mappedStatus == 504);

    f.transport->replies.push_back(jsonReply(200, "<html>proxy login</html>"));
    auto malformed = expectError(f.client()->listModels({}));
    CHECK(malformed.kind() == ErrorKind::Protocol);
    CHECK(malformed.code() == "INTERNAL_ERROR");
    CHECK(std::string(malformed.what()).rfind("unexpected error on operation ListModels: ", 0) == 0);

    f.transport->replies.push_back(jsonReply(200, R"({"object":"list"})"));
    CHECK(expectError(f.client()->listModels({})).kind() == ErrorKind::Protocol);

    f.transport->replies.push_back(jsonReply(504, R"({"error":{"message":"slow","code":"vector_store_timeout"}})"));
    CHECK(expectError(f.client()->listFiles({}, noRetries())).info().component == "rag");
    f.transport->replies.push_back(jsonReply(400, R"({"error":{"message":"bad image","code":"invalid_image_format"}})"));
    auto image = expectError(f.client()->createResponse(llamastack::CreateResponseRequest::fromJson(responseRequest()), {}));
    CHECK(image.info().component == "model");
    CHECK(std::string(image.what()) == "LlamaStack error on operation CreateResponse: bad image");
}

TEST_CASE("llamastack: the token never appears in an error, even when the server echoes it") {
    Fixture f;
    f.transport->replies.push_back(
        jsonReply(401, R"({"error":{"message":"token sha256~SECRETSECRETSECRET rejected: Bearer sha256~SECRETSECRETSECRET"}})"));
    auto error = expectError(f.client({}, "sha256~SECRETSECRETSECRET")->listModels({}));
    CHECK(error.code() == "UNAUTHORIZED");
    // The exact token is removed wherever it stands, not only after "Bearer ".
    CHECK(std::string(error.what()).find("SECRETSECRET") == std::string::npos);
    CHECK(error.info().serverMessage.find("SECRETSECRET") == std::string::npos);
    CHECK(std::string(error.what()).find("[REDACTED]") != std::string::npos);
}

TEST_CASE("llamastack: get, delete and content calls address the right paths; IDs are required") {
    Fixture f;
    f.transport->handler = [](const http::Request& r) {
        if (r.url.ends_with("/content"))
            return testing::ScriptedReply{200, {{"content-type", "audio/wav"}}, std::string("RIFF\0\0\0\0WAVE", 12), 0, std::nullopt};
        return jsonReply(200, R"({"id":"x","deleted":true})");
    };
    auto c = f.client();
    runSync(c->getFile("file-1", {}));
    runSync(c->deleteFile("file-1", {}));
    auto content = runSync(c->getFileContent("file-1", {}));
    runSync(c->getVectorStoreFile("vs_1", "file-1", {}));
    runSync(c->deleteVectorStoreFile("vs_1", "file-1", {}));
    runSync(c->deleteVectorStore("vs_1", {}));
    runSync(c->getResponse("resp_1", {}));
    const std::string base = "https://lsd.example.com:8321/v1/";
    CHECK(f.sent(0).url == base + "files/file-1");
    CHECK((f.sent(1).method == "DELETE" && f.sent(1).url == base + "files/file-1"));
    CHECK(f.sent(2).url == base + "files/file-1/content");
    CHECK(f.sent(2).headers.get("Accept") == "application/binary, */*;q=0.5");
    CHECK(content.bytes == std::string("RIFF\0\0\0\0WAVE", 12));
    CHECK(content.contentType == "audio/wav");
    CHECK(f.sent(3).url == base + "vector_stores/vs_1/files/file-1");
    CHECK((f.sent(4).method == "DELETE" && f.sent(4).url == base + "vector_stores/vs_1/files/file-1"));
    CHECK((f.sent(5).method == "DELETE" && f.sent(5).url == base + "vector_stores/vs_1"));
    CHECK(f.sent(6).url == base + "responses/resp_1");

    const size_t before = f.transport->requests.size();
    CHECK(expectError(c->getFile("", {})).what() == std::string("fileID is required"));
    CHECK(expectError(c->deleteVectorStore("", {})).what() == std::string("vectorStoreID is required"));
    CHECK(expectError(c->getVectorStoreFile("vs_1", "", {})).what() == std::string("fileID is required"));
    CHECK(expectError(c->getResponse("", {})).what() == std::string("responseID is required"));
    CHECK(expectError(c->getFile("..", {})).kind() == ErrorKind::Validation);
    CHECK(f.transport->requests.size() == before);
}
