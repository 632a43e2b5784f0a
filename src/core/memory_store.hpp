// The hierarchical TTL cache of ADR-0008 (UPSTREAM.md §6.5): values keyed by
// namespace :: user :: category :: key, each with its own time to live. The MaaS factory keeps
// issued tokens in one, shared by the per-request clients it creates.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace genai {

struct MemoryStoreStats {
    size_t totalNamespaces = 0, totalUsers = 0, totalCategories = 0, totalEntries = 0;
};

class MemoryStore {
public:
    // `nowSeconds` is the clock (injected so tests and the wasm runtime agree on time).
    explicit MemoryStore(std::function<double()> nowSeconds);

    // All four parts are required (ValidationError `namespace cannot be empty`, ...);
    // ttlSeconds <= 0 means no expiry.
    void set(const std::string& ns, const std::string& user, const std::string& category,
             const std::string& key, nlohmann::json value, double ttlSeconds);
    std::optional<nlohmann::json> get(const std::string& ns, const std::string& user,
                                      const std::string& category, const std::string& key);
    void remove(const std::string& ns, const std::string& user, const std::string& category,
                const std::string& key);
    std::map<std::string, nlohmann::json> getCategory(const std::string& ns, const std::string& user,
                                                      const std::string& category);
    void deleteCategory(const std::string& ns, const std::string& user, const std::string& category);
    // Removes `category` for every namespace and user (e.g. all MaaS tokens after a revoke).
    void deleteCategoryEverywhere(const std::string& category);
    void deleteUser(const std::string& ns, const std::string& user);
    void deleteNamespace(const std::string& ns);
    void clear();
    MemoryStoreStats stats();

private:
    struct Entry {
        nlohmann::json value;
        double expiresAt;  // 0: never
    };
    using Key = std::tuple<std::string, std::string, std::string, std::string>;
    void purgeExpired();

    std::function<double()> now_;
    std::map<Key, Entry> entries_;
};

}  // namespace genai
