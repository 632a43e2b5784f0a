#include "llamastack/mock_state.hpp"

#include <algorithm>
#include <cmath>

#include "core/fixtures.hpp"

namespace genai::llamastack {

namespace {
Json fixture(const char* name) { return Json::parse(fixtureText(name)); }
}  // namespace

void fakeFail(int status, const std::string& message, const std::string& type, const std::string& code) {
    Json error = {{"message", message}, {"type", type}};
    if (!code.empty()) error["code"] = code;
    throw http::FakeError{status, {{"error", error}}};
}

MockState::MockState(std::shared_ptr<http::Runtime> rt) : runtime(std::move(rt)) {
    models = fixture("llamastack/models.json")["data"];
    answers = fixture("llamastack/answers.json")["answers"];
    service = fixture("llamastack/service.json");
    for (auto& store : service["vector_stores"]) vectorStores.push_back(store);
    for (auto& file : service["files"]) files[file["id"]] = StoredFile{file, {}, {}};
    for (auto& [storeId, fileIds] : service["attachments"].items()) {
        for (const auto& fileId : fileIds) {
            const long long created = files.at(fileId.get<std::string>()).object["created_at"].get<long long>();
            attachments[storeId].push_back(vectorStoreFile(storeId, fileId, {{"type", "auto"}}, created));
        }
    }
}

long long MockState::now() const { return static_cast<long long>(std::floor(runtime->unixSeconds())); }

std::string MockState::newId(std::string_view prefix, size_t hexDigits) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string id(prefix);
    // Random digits, then a serial number: unique even when the runtime's randomness is not.
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
    Json counts = {{"in_progress", 0}, {"completed", 0}, {"failed", 0}, {"cancelled", 0}, {"total", 0}};
    if (auto it = attachments.find(store["id"]); it != attachments.end()) {
        for (const auto& file : it->second) {
            counts[file["status"].get<std::string>()] = counts[file["status"].get<std::string>()].get<int>() + 1;
            counts["total"] = counts["total"].get<int>() + 1;
        }
    }
    view["file_counts"] = counts;
    return view;
}

Json MockState::vectorStoreFile(const std::string& storeId, const std::string& fileId, const Json& chunkingStrategy,
                                long long createdAt) const {
    return {{"id", fileId},
            {"object", "vector_store.file"},
            {"usage_bytes", 0},
            {"created_at", createdAt},
            {"vector_store_id", storeId},
            {"status", "completed"},
            {"last_error", nullptr},
            {"attributes", Json::object()},
            {"chunking_strategy", chunkingStrategy}};
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
    std::stable_sort(items.begin(), items.end(), [&](const Json& a, const Json& b) {
        const auto ta = a["created_at"].get<long long>(), tb = b["created_at"].get<long long>();
        return order == "asc" ? ta < tb : ta > tb;
    });
    size_t start = 0;
    if (const std::string after = request.queryValue("after"); !after.empty()) {
        auto it = std::find_if(items.begin(), items.end(), [&](const Json& item) { return item["id"] == after; });
        if (it == items.end()) fakeFail(400, "unknown cursor: " + after, "invalid_request_error");
        start = static_cast<size_t>(it - items.begin()) + 1;
    }
    Json data = Json::array();
    for (size_t i = start; i < items.size() && data.size() < static_cast<size_t>(limit); ++i) data.push_back(items[i]);
    const bool hasMore = start + data.size() < items.size();
    return {{"object", "list"},
            {"data", data},
            {"first_id", data.empty() ? Json(nullptr) : data.front()["id"]},
            {"last_id", data.empty() ? Json(nullptr) : data.back()["id"]},
            {"has_more", hasMore}};
}

}  // namespace genai::llamastack
