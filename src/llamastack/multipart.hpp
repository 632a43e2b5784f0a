// multipart/form-data (RFC 7578) for the file upload: built from bytes here, in C++, so the JS
// facade only hands over one Uint8Array; and parsed again by the Mock service, which receives
// exactly what a real server would.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace genai::llamastack {

struct FormPart {
    std::string name;
    std::optional<std::string> filename;  // set for a file part
    std::string contentType;              // of a file part
    std::string data;
};

class MultipartForm {
public:
    // `boundary` must not occur in any part's data; makeBoundary() picks one that does not.
    explicit MultipartForm(std::string boundary) : boundary_(std::move(boundary)) {}

    void addField(std::string name, std::string value);
    void addFile(std::string name, std::string filename, std::string contentType, std::string data);

    std::string contentType() const;  // "multipart/form-data; boundary=..."
    std::string body() const;

    // A boundary made of `random01()` draws that occurs in none of `contents`.
    template <typename Random>
    static std::string makeBoundary(Random random01, const std::vector<std::string_view>& contents) {
        static constexpr char digits[] = "0123456789abcdef";
        for (;;) {
            std::string boundary = "----genai-form-";
            for (int i = 0; i < 24; ++i) boundary.push_back(digits[static_cast<unsigned>(random01() * 16) % 16]);
            bool clash = false;
            for (auto content : contents) clash = clash || content.find(boundary) != std::string_view::npos;
            if (!clash) return boundary;
        }
    }

private:
    std::string boundary_;
    std::vector<FormPart> parts_;
};

// The boundary parameter of a multipart/form-data Content-Type; nullopt if it has none.
std::optional<std::string> multipartBoundary(std::string_view contentType);

// Splits a multipart/form-data body; nullopt when it is not well-formed.
std::optional<std::vector<FormPart>> parseMultipart(std::string_view body, std::string_view boundary);

}  // namespace genai::llamastack
