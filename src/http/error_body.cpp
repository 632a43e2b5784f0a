#include "http/error_body.hpp"

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "core/json.hpp"
#include "core/text.hpp"

namespace genai::http {

namespace {
using nlohmann::json;

std::string textOf(const json& value) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_number_integer()) return std::to_string(value.get<long long>());
    return {};
}

void readObject(const json& obj, ServerErrorText& out) {
    if (auto it = obj.find("message"); it != obj.end() && it->is_string()) out.message = *it;
    for (const char* key : {"type", "reason", "code"}) {
        if (auto it = obj.find(key); it != obj.end() && out.type.empty()) out.type = textOf(*it);
    }
}
}  // namespace

ServerErrorText parseErrorBody(std::string_view body) {
    ServerErrorText out;
    json doc = parseJsonOrDiscarded(body);
    if (doc.is_object()) {
        if (auto err = doc.find("error"); err != doc.end()) {
            if (err->is_object()) readObject(*err, out);
            else if (err->is_string()) out.message = *err;
        }
        if (out.message.empty()) readObject(doc, out);
        if (out.message.empty()) {
            if (auto detail = doc.find("detail"); detail != doc.end()) {
                if (detail->is_string()) out.message = *detail;
                else if (detail->is_array() && !detail->empty() && (*detail)[0].is_object())
                    out.message = textOf((*detail)[0].value("msg", json()));
                else out.message = detail->dump();
            }
        }
        if (out.message.empty()) out.message = doc.dump();
    } else {
        out.message = std::string(trim(body));
    }
    out.message = truncateUtf8(redactSecrets(out.message), 1000);
    out.type = truncateUtf8(redactSecrets(out.type), 100);
    return out;
}

}  // namespace genai::http
