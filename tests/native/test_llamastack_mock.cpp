// The Mock factory: the same client over the fake LlamaStack service. Fixtures of UPSTREAM.md
// §2.7/§2.8, state across calls, the paced streaming sequence, and the MOCK:<scenario> inputs.
#include <doctest/doctest.h>

#include "http/fixture_transport.hpp"
#include "llamastack/factory.hpp"
#include "llamastack/multipart.hpp"
#include "support/test_support.hpp"

using namespace genai;
using genai::testing::expectError;
using genai::testing::runSync;
using nlohmann::json;

namespace {
struct MockFixture {
    std::shared_ptr<testing::ManualRuntime> runtime = std::make_shared<testing::ManualRuntime>();
    llamastack::MockLlamaStackClientFactory factory;

    explicit MockFixture(std::optional<double> streamDelayMs = 0.0)
        : factory(runtime, llamastack::MockSettings{streamDelayMs}) {}
    std::unique_ptr<llamastack::LlamaStackClient> client(llamastack::LlamaStackOptions settings = {}) {
        http::ClientOptions options;
        options.baseUrl = "https://ignored.example.com";
        return factory.createClient(options, settings);
    }
};

std::vector<json> drain(http::JsonEventStream& stream) {
    std::vector<json> all;
    for (int i = 0; i < 10000; ++i) {
        json batch = json::parse(runSync(stream.next()));
        if (batch.empty()) return all;
        for (auto& e : batch) all.push_back(e);
    }
    FAIL("the stream did not end");
    return all;
}

llamastack::CreateResponseRequest turn(json extra = json::object()) {
    json r = {{"input", "What is RAG?"}, {"model", "llama-3.1-8b-instruct"}};
    r.update(extra);
    return llamastack::CreateResponseRequest::fromJson(r);
}

bool containsId(const json& list, const std::string& id) {
    for (const auto& item : list)
        if (item["id"] == id) return true;
    return false;
}
}  // namespace

TEST_CASE("llamastack mock: models and vector stores come from the fixtures, under both API paths") {
    MockFixture f;
    auto models = runSync(f.client()->listModels({}));
    REQUIRE(models.size() == 8);
    CHECK(models[0] == json{{"id", "ollama/llama3.2:3b"}, {"object", "model"}, {"created", 1755721063}, {"owned_by", "ogx"}});
    CHECK(containsId(models, "maas-mock-provider-1/llama-2-13b-chat"));

    llamastack::LlamaStackOptions older;
    older.apiPath = "/v1/openai/v1";
    auto stores = runSync(f.client(older)->listVectorStores({}, {}));
    REQUIRE(stores.size() == 3);
    CHECK(containsId(stores, "vs_mock123"));
    CHECK(containsId(stores, "vs_external_001"));
    for (const auto& store : stores) {
        if (store["id"] != "vs_mock123") continue;
        CHECK(store["name"] == "Mock Vector Store");
        CHECK(store["file_counts"]["completed"] == 2);
        CHECK(store["metadata"]["provider_id"] == "milvus");
    }
}

TEST_CASE("llamastack mock: created stores appear in lists, deleted ones disappear; paging is real") {
    MockFixture f;
    auto c = f.client();
    for (int i = 0; i < 3; ++i) {
        f.runtime->clockMs += 1000;
        auto created = runSync(c->createVectorStore(
            llamastack::CreateVectorStoreRequest::fromJson({{"name", "docs " + std::to_string(i)}, {"metadata", {{"team", "ai"}}}}), {}));
        CHECK(created["object"] == "vector_store");
        CHECK(created["metadata"]["team"] == "ai");
        CHECK(created["metadata"]["provider_vector_db_id"] == created["id"]);
    }
    // limit 1 per page: the client walks every page.
    auto all = runSync(c->listVectorStores(llamastack::ListVectorStoresRequest::fromJson({{"limit", 1}, {"order", "desc"}}), {}));
    REQUIRE(all.size() == 6);
    CHECK(all[3]["name"] == "docs 2");  // newest first (the test clock is older than the fixtures)
    CHECK(all[5]["name"] == "docs 0");
    const std::string id = all[3]["id"];
    runSync(c->deleteVectorStore(id, {}));
    auto after = runSync(c->listVectorStores({}, {}));
    CHECK(after.size() == 5);
    CHECK_FALSE(containsId(after, id));
}

TEST_CASE("llamastack mock: an uploaded file is listed, readable, attachable and deletable") {
    MockFixture f;
    auto c = f.client();
    const std::string bytes("%PDF-1.7\0binary", 15);
    auto uploaded = runSync(c->uploadFile(
        llamastack::UploadFileRequest::fromJson(
            bytes, true,
            {{"filename", "report.pdf"}, {"contentType", "application/pdf"}, {"vectorStoreId", "vs_mock123"},
             {"chunkingStrategy", {{"type", "static"}, {"static", {{"maxChunkSizeTokens", 512}, {"chunkOverlapTokens", 64}}}}}}),
        {}));
    const std::string fileId = uploaded["file_id"];
    CHECK(fileId.rfind("file-", 0) == 0);
    CHECK(uploaded["file"]["bytes"] == 15);
    CHECK(uploaded["file"]["filename"] == "report.pdf");
    CHECK(uploaded["vector_store_file"]["vector_store_id"] == "vs_mock123");
    CHECK(uploaded["vector_store_file"]["chunking_strategy"]["static"]["max_chunk_size_tokens"] == 512);

    CHECK(containsId(runSync(c->listFiles({}, {})), fileId));
    CHECK(runSync(c->getFile(fileId, {}))["filename"] == "report.pdf");
    auto content = runSync(c->getFileContent(fileId, {}));
    CHECK(content.bytes == bytes);
    CHECK(content.contentType == "application/pdf");
    auto attached = runSync(c->listVectorStoreFiles(llamastack::ListVectorStoreFilesRequest::fromJson("vs_mock123", {}), {}));
    CHECK(attached.size() == 3);
    CHECK(runSync(c->getVectorStoreFile("vs_mock123", fileId, {}))["status"] == "completed");
    CHECK(runSync(c->listVectorStores({}, {}))[0].contains("file_counts"));

    runSync(c->deleteVectorStoreFile("vs_mock123", fileId, {}));
    CHECK(runSync(c->listVectorStoreFiles(llamastack::ListVectorStoreFilesRequest::fromJson("vs_mock123", {}), {})).size() == 2);
    runSync(c->deleteFile(fileId, {}));
    CHECK_FALSE(containsId(runSync(c->listFiles({}, {})), fileId));
    CHECK(expectError(c->getFile(fileId, {})).code() == "NOT_FOUND");

    // The upstream mock's answers for files it never heard of / fixture files.
    CHECK(runSync(c->getFile("file-unknown", {}))["filename"] == "unknown_file.txt");
    auto wav = runSync(c->getFileContent("file-mock123abc456def", {}));
    CHECK(wav.bytes == std::string("RIFF\0\0\0\0WAVEfmt ", 16));
    CHECK(wav.contentType == "audio/wav");
    CHECK(expectError(c->listVectorStoreFiles(llamastack::ListVectorStoreFilesRequest::fromJson("vs_nope", {}), {})).code() ==
          "NOT_FOUND");
}

TEST_CASE("llamastack mock: createResponse echoes the input, with MCP and file search items when asked") {
    MockFixture f;
    auto c = f.client();
    auto plain = runSync(c->createResponse(turn(), {}));
    CHECK(plain["id"] == "resp_mock123");
    CHECK(plain["model"] == "llama-3.1-8b-instruct");
    CHECK(plain["usage"]["total_tokens"] == 35);
    CHECK(plain["output"].back()["content"][0]["text"] == "This is a mock response to your query: What is RAG?");

    auto recorded = runSync(c->createResponse(turn({{"input", "Hello"}}), {}));
    CHECK(recorded["output"].back()["content"][0]["text"] == "Hello! How can I help you today?");

    auto tools = runSync(c->createResponse(
        turn({{"previousResponseId", "resp_0"},
              {"mcpServers", json::array({{{"serverLabel", "github"}, {"serverUrl", "https://mcp/github"}}})}}),
        {}));
    REQUIRE(tools["output"].size() == 3);
    CHECK(tools["output"][0]["type"] == "mcp_list_tools");
    CHECK(tools["output"][0]["server_label"] == "github");
    CHECK(tools["output"][1]["type"] == "mcp_call");
    CHECK(tools["output"][1]["name"] == "get_latest_release");
    CHECK(tools["output"][2]["content"][0]["text"] ==
          "Based on the GitHub MCP tool results, the latest release is v1.95.0. Continuing from previous response "
          "resp_0. This is a mock response to your query: What is RAG?");

    auto rag = runSync(c->createResponse(turn({{"vectorStoreIds", {"vs_mock123"}}}), {}));
    CHECK(rag["output"][0]["type"] == "file_search_call");
    CHECK(rag["output"][0]["results"][0]["score"] == 0.8542);
    CHECK(rag["output"][1]["content"][0]["text"].get<std::string>().rfind("Based on retrieved documents <|", 0) == 0);

    CHECK(runSync(c->getResponse("resp_mock123", {}))["output"].size() == 2);  // stored
    CHECK(runSync(c->getResponse("resp_other", {}))["model"] == "llama-3.1-8b");  // upstream default
}

TEST_CASE("llamastack mock: the streamed sequence, its text and its lifelike pacing") {
    MockFixture f(std::nullopt);  // the upstream pacing
    auto stream = f.client()->createResponseStream(
        turn({{"mcpServers", json::array({{{"serverLabel", "github"}, {"serverUrl", "https://mcp/github"}}})}}), {});
    auto all = drain(*stream);
    std::vector<std::string> types;
    for (const auto& e : all) types.push_back(e["type"]);
    REQUIRE(types.size() >= 7);
    CHECK(types[0] == "response.created");
    CHECK(types[1] == "mcp_list_tools");
    CHECK(types[2] == "mcp_call");
    CHECK(types[3] == "response.content_part.added");
    CHECK(types.back() == "response.completed");
    std::string text;
    for (size_t i = 0; i < all.size(); ++i) {
        CHECK(all[i]["sequence_number"] == i);
        if (all[i]["type"] == "response.output_text.delta") text += all[i]["delta"].get<std::string>();
    }
    CHECK(text == all.back()["response"]["output"].back()["content"][0]["text"]);
    CHECK(text.rfind("Based on the GitHub MCP tool results", 0) == 0);
    // 200 after created, 300 after mcp_list_tools, 500 after mcp_call, 150 after content_part.added, 300 per word.
    REQUIRE(f.runtime->sleeps.size() >= 5);
    CHECK(f.runtime->sleeps[0] == 200);
    CHECK(f.runtime->sleeps[1] == 300);
    CHECK(f.runtime->sleeps[2] == 500);
    CHECK(f.runtime->sleeps[3] == 150);
    CHECK(f.runtime->sleeps[4] == 300);
}

TEST_CASE("llamastack mock: the stream delay is configurable; 0 streams at once; abort stops it") {
    MockFixture instant(0.0);
    auto all = drain(*instant.client()->createResponseStream(turn({{"input", "Hello, how are you?"}}), {}));
    CHECK(instant.runtime->sleeps.empty());
    std::string text;
    for (const auto& e : all)
        if (e["type"] == "response.output_text.delta") text += e["delta"].get<std::string>();
    CHECK(text == "Hello! As an AI, I don't have feelings, but I'm ready and functioning perfectly, eager to assist you.\n\n"
                  "How about you? I hope you're having a good day!");

    MockFixture paced(25.0);
    drain(*paced.client()->createResponseStream(turn(), {}));
    REQUIRE_FALSE(paced.runtime->sleeps.empty());
    for (double ms : paced.runtime->sleeps) CHECK(ms == 25.0);

    MockFixture aborted(25.0);
    auto signal = std::make_shared<http::ManualCancelSignal>();
    http::CallOptions options;
    options.signal = signal;
    auto stream = aborted.client()->createResponseStream(turn(), options);
    CHECK_FALSE(json::parse(runSync(stream->next())).empty());
    signal->abort();
    auto error = expectError(stream->next());
    CHECK(error.kind() == ErrorKind::Abort);
    CHECK(error.code() == "ABORTED");
    CHECK(runSync(stream->next()) == "[]");
}

TEST_CASE("llamastack mock: MOCK:<scenario> inputs fail like the real thing") {
    struct Case {
        const char* input;
        const char* code;
        ErrorKind kind;
        int mapped;
    };
    const Case cases[] = {
        {"MOCK:timeout", "TIMEOUT", ErrorKind::Timeout, 504},
        {"MOCK:connection_failed", "CONNECTION_FAILED", ErrorKind::Connection, 502},
        {"MOCK:server_unavailable", "SERVER_UNAVAILABLE", ErrorKind::Server, 503},
        {"MOCK:unauthorized", "UNAUTHORIZED", ErrorKind::Authentication, 401},
        {"MOCK:invalid_request", "INVALID_REQUEST", ErrorKind::BadRequest, 400},
        {"MOCK:server_error", "INTERNAL_ERROR", ErrorKind::Server, 500},
        {"MOCK:rate_limit_exceeded", "SERVER_UNAVAILABLE", ErrorKind::RateLimit, 429},
        {"MOCK:other", "INTERNAL_ERROR", ErrorKind::Server, 500},
    };
    MockFixture f;
    auto c = f.client();
    for (const auto& k : cases) {
        CAPTURE(k.input);
        auto error = expectError(c->createResponse(turn({{"input", k.input}}), {}));
        CHECK(error.code() == k.code);
        CHECK(error.kind() == k.kind);
        CHECK(error.info().mappedStatus == k.mapped);
        auto streamed = expectError(c->createResponseStream(turn({{"input", k.input}}), {})->next());
        CHECK(streamed.code() == k.code);
    }
    auto unknown = expectError(c->createResponse(turn({{"input", "MOCK:other"}}), {}));
    CHECK(std::string(unknown.what()).find("Supported: timeout, connection_failed") != std::string::npos);
}

TEST_CASE("fixture transport: a handler may answer with a body stream") {
    auto router = std::make_shared<http::Router>();
    router->add("GET", "/s", [](const http::FakeRequest&) {
        http::FakeResponse r;
        r.stream = std::make_unique<http::StringBodyStream>("abcdef", 2);
        return r;
    });
    http::FixtureTransport transport(router);
    http::Request request;
    request.url = "http://x/s";
    auto response = runSync(transport.send(request));
    CHECK(*runSync(response.body->next()) == "ab");
    CHECK(runSync(response.text()) == "cdef");
}

TEST_CASE("multipart: round trip with binary data and quoted names") {
    llamastack::MultipartForm form("b0undary");
    form.addFile("file", "we\"ird\r\nname.bin", "", std::string("\0\r\n--b0undar\xff", 14));
    form.addField("purpose", "assistants");
    CHECK(form.contentType() == "multipart/form-data; boundary=b0undary");
    CHECK(form.body().find("filename=\"we%22ird%0D%0Aname.bin\"") != std::string::npos);
    auto parts = llamastack::parseMultipart(form.body(), "b0undary");
    REQUIRE(parts);
    REQUIRE(parts->size() == 2);
    CHECK((*parts)[0].filename == "we\"ird\r\nname.bin");
    CHECK((*parts)[0].contentType == "application/octet-stream");
    CHECK((*parts)[0].data == std::string("\0\r\n--b0undar\xff", 14));
    CHECK(llamastack::multipartBoundary("multipart/form-data; boundary=\"abc\"") == "abc");
    CHECK_FALSE(llamastack::multipartBoundary("application/json"));
    CHECK_FALSE(llamastack::parseMultipart("garbage", "b0undary"));
    int draws = 0;
    const std::string boundary = llamastack::MultipartForm::makeBoundary([&] { return (draws++ % 16) / 16.0; }, {"x"});
    CHECK(boundary.size() == 15 + 24);
}
