#include "llamastack/multipart.hpp"

#include "core/text.hpp"

namespace genai::llamastack {

namespace {
// Names and filenames go inside a quoted header parameter: escape what would end it or the
// header, the way browsers' FormData does (WHATWG HTML, "multipart/form-data encoding").
std::string quoteParam(std::string_view value) {
    std::string out;
    for (char c : value) {
        if (c == '"') out += "%22";
        else if (c == '\r') out += "%0D";
        else if (c == '\n') out += "%0A";
        else out.push_back(c);
    }
    return out;
}

std::string unquoteParam(std::string_view value) {
    std::string out;
    for (size_t i = 0; i < value.size(); ++i) {
        if (value[i] == '%' && i + 2 < value.size()) {
            const std::string_view code = value.substr(i, 3);
            if (code == "%22") { out.push_back('"'); i += 2; continue; }
            if (code == "%0D") { out.push_back('\r'); i += 2; continue; }
            if (code == "%0A") { out.push_back('\n'); i += 2; continue; }
        }
        out.push_back(value[i]);
    }
    return out;
}

// The value of `param="..."` in a Content-Disposition header.
std::optional<std::string> dispositionParam(std::string_view header, std::string_view param) {
    const std::string key = std::string("; ") + std::string(param) + "=\"";
    size_t at = header.find(key);
    if (at == std::string_view::npos) return std::nullopt;
    at += key.size();
    const size_t end = header.find('"', at);
    if (end == std::string_view::npos) return std::nullopt;
    return unquoteParam(header.substr(at, end - at));
}
}  // namespace

void MultipartForm::addField(std::string name, std::string value) {
    parts_.push_back(FormPart{std::move(name), std::nullopt, {}, std::move(value)});
}

void MultipartForm::addFile(std::string name, std::string filename, std::string contentType, std::string data) {
    parts_.push_back(FormPart{std::move(name), std::move(filename), std::move(contentType), std::move(data)});
}

std::string MultipartForm::contentType() const { return "multipart/form-data; boundary=" + boundary_; }

std::string MultipartForm::body() const {
    std::string out;
    for (const auto& part : parts_) {
        out += "--" + boundary_ + "\r\n";
        out += "Content-Disposition: form-data; name=\"" + quoteParam(part.name) + "\"";
        if (part.filename) {
            out += "; filename=\"" + quoteParam(*part.filename) + "\"\r\n";
            out += "Content-Type: " + (part.contentType.empty() ? std::string("application/octet-stream") : part.contentType);
        }
        out += "\r\n\r\n";
        out += part.data;
        out += "\r\n";
    }
    out += "--" + boundary_ + "--\r\n";
    return out;
}

std::optional<std::string> multipartBoundary(std::string_view contentType) {
    if (!startsWith(toLower(trim(contentType)), "multipart/form-data")) return std::nullopt;
    const std::string lower = toLower(contentType);
    size_t at = lower.find("boundary=");
    if (at == std::string::npos) return std::nullopt;
    std::string_view value = contentType.substr(at + 9);
    value = value.substr(0, value.find(';'));
    value = trim(value);
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
    if (value.empty()) return std::nullopt;
    return std::string(value);
}

std::optional<std::vector<FormPart>> parseMultipart(std::string_view body, std::string_view boundary) {
    const std::string delimiter = "--" + std::string(boundary);
    std::vector<FormPart> parts;
    size_t at = body.find(delimiter);
    if (at == std::string_view::npos) return std::nullopt;
    for (;;) {
        at += delimiter.size();
        if (body.substr(at, 2) == "--") return parts;  // the closing delimiter
        if (body.substr(at, 2) != "\r\n") return std::nullopt;
        at += 2;
        const size_t headersEnd = body.find("\r\n\r\n", at);
        if (headersEnd == std::string_view::npos) return std::nullopt;
        FormPart part;
        bool named = false;
        std::string_view headers = body.substr(at, headersEnd - at);
        while (!headers.empty()) {
            const size_t eol = headers.find("\r\n");
            const std::string_view line = headers.substr(0, eol);
            headers = eol == std::string_view::npos ? std::string_view() : headers.substr(eol + 2);
            const size_t colon = line.find(':');
            if (colon == std::string_view::npos) return std::nullopt;
            const std::string name = toLower(trim(line.substr(0, colon)));
            const std::string_view value = trim(line.substr(colon + 1));
            if (name == "content-disposition") {
                auto fieldName = dispositionParam(value, "name");
                if (!fieldName) return std::nullopt;
                part.name = *fieldName;
                part.filename = dispositionParam(value, "filename");
                named = true;
            } else if (name == "content-type") {
                part.contentType = std::string(value);
            }
        }
        if (!named) return std::nullopt;
        const size_t dataStart = headersEnd + 4;
        const size_t next = body.find("\r\n" + delimiter, dataStart);
        if (next == std::string_view::npos) return std::nullopt;
        part.data = std::string(body.substr(dataStart, next - dataStart));
        parts.push_back(std::move(part));
        at = next + 2;
    }
}

}  // namespace genai::llamastack
