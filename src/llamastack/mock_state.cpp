#include "llamastack/mock_state.hpp"

#include <cmath>
#include <cstdlib>

#include "core/fixtures.hpp"
#include "core/json.hpp"

namespace genai::llamastack {

namespace {
Json fixture(const char* name) { return parseJson(fixtureText(name)); }
}  // namespace

void fakeFail(int status, const std::string& message, const std::string& type, const std::string& code) {
    Json error = Json::object();
    error["message"] = message;
    error["type"] = type;
    if (!code.empty()) error["code"] = code;
    Json body = Json::object();
    body["error"] = std::move(error);
    throw http::FakeError{status, std::move(body)};
}

MockState::MockState(std::shared_ptr<http::Runtime> rt, std::optional<double> delay)
    : runtime(std::move(rt)), streamDelayMs(delay) {
    models = fixture("llamastack/models.json")["data"];
    answers = fixture("llamastack/answers.json")["answers"];
    service = fixture("llamastack/service.json");
    for (auto& store : service["vector_stores"]) vectorStores.push_back(store);
    for (auto& file : service["files"]) files[file["id"]] = StoredFile{file, {}, {}};
    Json autoChunking = Json::object();
    autoChunking["type"] = "auto";
    for (auto& [storeId, fileIds] : service["attachments"].items()) {
        for (const auto& fileId : fileIds) {
            const long long created = files.at(fileId.get<std::string>()).object["created_at"].get<long long>();
            attachments[storeId].push_back(vectorStoreFile(storeId, fileId, autoChunking, created));
        }
    }
}

long long MockState::now() const { return static_cast<long long>(std::floor(runtime->unixSeconds())); }

std::string MockState::newId(std::string_view prefix, size_t hexDigits) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string id(prefix);
    // The serial number keeps ids unique even when the runtime's randomness is not (tests).
    const unsigned long serial = ++idsIssued;
    for (size_t i = 0; i < hexDigits; ++i) {
        const size_t fromEnd = hexDigits - 1 - i;
        id.push_back(fromEnd < 8 ? digits[(serial >> (4 * fromEnd)) & 0xF]
                                 : digits[static_cast<size_t>(runtime->random() * 16) % 16]);
    }
    return id;
}

Json* MockState::findStore(const std::string& id) {
    for (auto& store : vectorStores)
        if (store["id"] == id) return &store;
    return nullptr;
}

Json MockState::storeView(const Json& store) const {
    Json view = store;
    Json& counts = view["file_counts"];
    for (const char* status : {"in_progress", "completed", "failed", "cancelled", "total"}) counts[status] = 0;
    if (auto it = attachments.find(store["id"]); it != attachments.end()) {
        for (const auto& file : it->second) {
            Json& count = counts[file["status"].get_ref<const std::string&>()];
            count = count.get<int>() + 1;
            counts["total"] = counts["total"].get<int>() + 1;
        }
    }
    return view;
}

Json MockState::vectorStoreFile(const std::string& storeId, const std::string& fileId, const Json& chunkingStrategy,
                                long long createdAt) const {
    Json file = tmpl("vector_store_file");
    file["id"] = fileId;
    file["created_at"] = createdAt;
    file["vector_store_id"] = storeId;
    file["chunking_strategy"] = chunkingStrategy;
    return file;
}

void MockState::detachEverywhere(const std::string& fileId) {
    for (auto& [storeId, list] : attachments)
        std::erase_if(list, [&](const Json& file) { return file["id"] == fileId; });
}

Json listPage(std::vector<Json> items, const http::FakeRequest& request, int defaultLimit) {
    const std::string order = request.queryValue("order", "desc");
    if (order != "asc" && order != "desc") fakeFail(400, "order must be asc or desc", "invalid_request_error");
    int limit = defaultLimit;
    if (const std::string text = request.queryValue("limit"); !text.empty()) {
        limit = std::atoi(text.c_str());
        if (limit < 1) fakeFail(400, "limit must be at least 1", "invalid_request_error");
    }
    // Insertion sort by created_at (stable; lists are short): cheaper in wasm than std::stable_sort.
    const bool ascending = order == "asc";
    for (size_t i = 1; i < items.size(); ++i) {
        for (size_t j = i; j > 0; --j) {
            const auto a = items[j - 1]["created_at"].get<long long>(), b = items[j]["created_at"].get<long long>();
            if (ascending ? a <= b : a >= b) break;
            std::swap(items[j - 1], items[j]);
        }
    }
    size_t start = 0;
    if (const std::string after = request.queryValue("after"); !after.empty()) {
        while (start < items.size() && items[start]["id"] != after) ++start;
        if (start == items.size()) fakeFail(400, "unknown cursor: " + after, "invalid_request_error");
        ++start;
    }
    Json page = Json::object();
    Json& data = page["data"] = Json::array();
    for (size_t i = start; i < items.size() && data.size() < static_cast<size_t>(limit); ++i) data.push_back(items[i]);
    page["object"] = "list";
    page["first_id"] = data.empty() ? Json() : data.front()["id"];
    page["last_id"] = data.empty() ? Json() : data.back()["id"];
    page["has_more"] = start + data.size() < items.size();
    return page;
}

}  // namespace genai::llamastack
