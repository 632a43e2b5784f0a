#include "core/memory_store.hpp"

#include <set>

#include "core/error.hpp"

namespace genai {

MemoryStore::MemoryStore(std::function<double()> nowSeconds) : now_(std::move(nowSeconds)) {}

void MemoryStore::set(const std::string& ns, const std::string& user, const std::string& category,
                      const std::string& key, nlohmann::json value, double ttlSeconds) {
    if (ns.empty()) throwValidation("cache", "set", "namespace cannot be empty");
    if (user.empty()) throwValidation("cache", "set", "username cannot be empty");
    if (category.empty()) throwValidation("cache", "set", "category cannot be empty");
    if (key.empty()) throwValidation("cache", "set", "key cannot be empty");
    entries_[{ns, user, category, key}] = Entry{std::move(value), ttlSeconds > 0 ? now_() + ttlSeconds : 0};
}

std::optional<nlohmann::json> MemoryStore::get(const std::string& ns, const std::string& user,
                                               const std::string& category, const std::string& key) {
    auto it = entries_.find({ns, user, category, key});
    if (it == entries_.end()) return std::nullopt;
    if (it->second.expiresAt != 0 && it->second.expiresAt <= now_()) {
        entries_.erase(it);
        return std::nullopt;
    }
    return it->second.value;
}

void MemoryStore::remove(const std::string& ns, const std::string& user, const std::string& category,
                         const std::string& key) {
    entries_.erase({ns, user, category, key});
}

std::map<std::string, nlohmann::json> MemoryStore::getCategory(const std::string& ns, const std::string& user,
                                                               const std::string& category) {
    purgeExpired();
    std::map<std::string, nlohmann::json> out;
    for (const auto& [key, entry] : entries_) {
        if (std::get<0>(key) == ns && std::get<1>(key) == user && std::get<2>(key) == category)
            out.emplace(std::get<3>(key), entry.value);
    }
    return out;
}

void MemoryStore::deleteCategory(const std::string& ns, const std::string& user, const std::string& category) {
    std::erase_if(entries_, [&](const auto& e) {
        return std::get<0>(e.first) == ns && std::get<1>(e.first) == user && std::get<2>(e.first) == category;
    });
}

void MemoryStore::deleteCategoryEverywhere(const std::string& category) {
    std::erase_if(entries_, [&](const auto& e) { return std::get<2>(e.first) == category; });
}

void MemoryStore::deleteUser(const std::string& ns, const std::string& user) {
    std::erase_if(entries_, [&](const auto& e) { return std::get<0>(e.first) == ns && std::get<1>(e.first) == user; });
}

void MemoryStore::deleteNamespace(const std::string& ns) {
    std::erase_if(entries_, [&](const auto& e) { return std::get<0>(e.first) == ns; });
}

void MemoryStore::clear() { entries_.clear(); }

void MemoryStore::purgeExpired() {
    const double now = now_();
    std::erase_if(entries_, [&](const auto& e) { return e.second.expiresAt != 0 && e.second.expiresAt <= now; });
}

MemoryStoreStats MemoryStore::stats() {
    purgeExpired();
    std::set<std::string> namespaces;
    std::set<std::pair<std::string, std::string>> users;
    std::set<std::tuple<std::string, std::string, std::string>> categories;
    for (const auto& [key, entry] : entries_) {
        namespaces.insert(std::get<0>(key));
        users.insert({std::get<0>(key), std::get<1>(key)});
        categories.insert({std::get<0>(key), std::get<1>(key), std::get<2>(key)});
    }
    return {namespaces.size(), users.size(), categories.size(), entries_.size()};
}

}  // namespace genai
