// Embind glue for the LlamaStack factories and client. Each method converts its arguments, starts
// the C++ coroutine with a shared_ptr to the client (so a disposed client cannot die mid-call),
// and returns a Promise; the streaming methods return an EventStream.
#include <emscripten/bind.h>

#include "bindings/js_values.hpp"
#include "bindings/llamastack_stream.hpp"
#include "llamastack/factory.hpp"
#include "llamastack/http_client.hpp"

namespace genai::bindings {

using llamastack::LlamaStackClient;

namespace {
val fileContentToJs(llamastack::FileContent content) {
    val out = val::object();
    val view(emscripten::typed_memory_view(content.bytes.size(),
                                           reinterpret_cast<const unsigned char*>(content.bytes.data())));
    out.set("bytes", view.call<val>("slice"));  // a copy that outlives the C++ string
    out.set("contentType", content.contentType);
    return out;
}
}  // namespace

class JsLlamaStackClient {
public:
    explicit JsLlamaStackClient(std::shared_ptr<LlamaStackClient> client) : client_(std::move(client)) {}

    val listModels(val options) {
        return promiseOf(whileAlive(client_, client_->listModels(callOptions(options))));
    }
    val listVectorStores(std::string request, val options) {
        return guarded([&] {
            auto list = llamastack::ListVectorStoresRequest::fromJson(parseRequest(request));
            return promiseOf(whileAlive(client_, client_->listVectorStores(std::move(list), callOptions(options))));
        });
    }
    val createVectorStore(std::string request, val options) {
        return guarded([&] {
            auto create = llamastack::CreateVectorStoreRequest::fromJson(parseRequest(request));
            return promiseOf(whileAlive(client_, client_->createVectorStore(std::move(create), callOptions(options))));
        });
    }
    val deleteVectorStore(std::string id, val options) {
        return promiseOf(whileAlive(client_, client_->deleteVectorStore(std::move(id), callOptions(options))));
    }
    // `bytes`: a Uint8Array, or null when the caller gave no file; `onUploaded`: a function
    // (wrapped by the facade so that it never throws) or undefined.
    val uploadFile(val bytes, std::string request, val options, val onUploaded) {
        return guarded([&] {
            const bool hasFile = !bytes.isNull() && !bytes.isUndefined();
            auto upload = llamastack::UploadFileRequest::fromJson(hasFile ? web::bytesFromJs(bytes) : std::string(), hasFile,
                                                                  parseRequest(request));
            if (onUploaded.typeOf().as<std::string>() == "function")
                upload.onUploaded = [onUploaded](const Json& file) { onUploaded(web::jsonToJs(file.dump())); };
            return promiseOf(whileAlive(client_, client_->uploadFile(std::move(upload), callOptions(options))));
        });
    }
    val listFiles(std::string request, val options) {
        return guarded([&] {
            auto list = llamastack::ListFilesRequest::fromJson(parseRequest(request));
            return promiseOf(whileAlive(client_, client_->listFiles(std::move(list), callOptions(options))));
        });
    }
    val getFile(std::string id, val options) {
        return promiseOf(whileAlive(client_, client_->getFile(std::move(id), callOptions(options))));
    }
    val deleteFile(std::string id, val options) {
        return promiseOf(whileAlive(client_, client_->deleteFile(std::move(id), callOptions(options))));
    }
    val getFileContent(std::string id, val options) {
        return web::toPromise(whileAlive(client_, client_->getFileContent(std::move(id), callOptions(options))),
                              fileContentToJs);
    }
    val listVectorStoreFiles(std::string vectorStoreId, std::string request, val options) {
        return guarded([&] {
            auto list = llamastack::ListVectorStoreFilesRequest::fromJson(vectorStoreId, parseRequest(request));
            return promiseOf(whileAlive(client_, client_->listVectorStoreFiles(std::move(list), callOptions(options))));
        });
    }
    val getVectorStoreFile(std::string vectorStoreId, std::string fileId, val options) {
        return promiseOf(
            whileAlive(client_, client_->getVectorStoreFile(std::move(vectorStoreId), std::move(fileId), callOptions(options))));
    }
    val deleteVectorStoreFile(std::string vectorStoreId, std::string fileId, val options) {
        return promiseOf(whileAlive(
            client_, client_->deleteVectorStoreFile(std::move(vectorStoreId), std::move(fileId), callOptions(options))));
    }
    val createResponse(std::string request, val options) {
        return guarded([&] {
            auto create = llamastack::CreateResponseRequest::fromJson(parseRequest(request));
            return promiseOf(whileAlive(client_, client_->createResponse(std::move(create), callOptions(options))));
        });
    }
    // Validation failures surface from the stream's first next(), like every stream failure.
    JsEventStream createResponseStream(std::string request, val options) {
        try {
            auto create = llamastack::CreateResponseRequest::fromJson(parseRequest(request));
            return JsEventStream(client_->createResponseStream(std::move(create), callOptions(options)));
        } catch (const Error& e) {
            return JsEventStream(llamastack::failedResponseStream(e));
        }
    }
    JsEventStream createResponseStreamRaw(std::string body, val options) {
        try {
            return JsEventStream(client_->createResponseStreamRaw(parseRequest(body), callOptions(options)));
        } catch (const Error& e) {
            return JsEventStream(llamastack::failedResponseStream(e));
        }
    }
    val getResponse(std::string id, val options) {
        return promiseOf(whileAlive(client_, client_->getResponse(std::move(id), callOptions(options))));
    }

private:
    std::shared_ptr<LlamaStackClient> client_;
};

class JsLlamaStackFactory {
public:
    // `config`: the facade's {mock, fetch, record, replay} plus `streamDelayMs` (a number, or
    // undefined for the Mock's lifelike pacing).
    explicit JsLlamaStackFactory(val config) : setup_(factorySetup(config)) {
        if (setup_.mock) {
            llamastack::MockSettings settings;
            if (val delay = config["streamDelayMs"]; delay.typeOf().as<std::string>() == "number")
                settings.streamDelayMs = delay.as<double>();
            factory_ = std::make_shared<llamastack::MockLlamaStackClientFactory>(webRuntime(), settings);
        } else {
            factory_ = std::make_shared<llamastack::RealLlamaStackClientFactory>(setup_.transport, webRuntime());
        }
    }
    // `options`: the common client options; `settings`: JSON of {apiPath, providerDataHeader,
    // embeddingModel, embeddingDimension}. A bad setting throws a ValidationError here.
    JsLlamaStackClient createClient(val options, std::string settings) {
        return rethrowAsJs([&] {
            auto ls = llamastack::LlamaStackOptions::fromJson(parseRequest(settings));
            return JsLlamaStackClient(
                std::shared_ptr<LlamaStackClient>(factory_->createClient(forSetup(setup_, clientOptions(options)), ls)));
        });
    }
    bool isMock() const { return setup_.mock || setup_.replay; }
    val recording() const { return recordingToJs(setup_); }

private:
    FactorySetup setup_;
    std::shared_ptr<llamastack::LlamaStackClientFactory> factory_;
};

EMSCRIPTEN_BINDINGS(genai_llamastack) {
    emscripten::class_<JsLlamaStackClient>("LlamaStackClient")
        .function("listModels", &JsLlamaStackClient::listModels)
        .function("listVectorStores", &JsLlamaStackClient::listVectorStores)
        .function("createVectorStore", &JsLlamaStackClient::createVectorStore)
        .function("deleteVectorStore", &JsLlamaStackClient::deleteVectorStore)
        .function("uploadFile", &JsLlamaStackClient::uploadFile)
        .function("listFiles", &JsLlamaStackClient::listFiles)
        .function("getFile", &JsLlamaStackClient::getFile)
        .function("deleteFile", &JsLlamaStackClient::deleteFile)
        .function("getFileContent", &JsLlamaStackClient::getFileContent)
        .function("listVectorStoreFiles", &JsLlamaStackClient::listVectorStoreFiles)
        .function("getVectorStoreFile", &JsLlamaStackClient::getVectorStoreFile)
        .function("deleteVectorStoreFile", &JsLlamaStackClient::deleteVectorStoreFile)
        .function("createResponse", &JsLlamaStackClient::createResponse)
        .function("createResponseStream", &JsLlamaStackClient::createResponseStream)
        .function("createResponseStreamRaw", &JsLlamaStackClient::createResponseStreamRaw)
        .function("getResponse", &JsLlamaStackClient::getResponse);
    emscripten::class_<JsLlamaStackFactory>("LlamaStackFactory")
        .constructor<val>()
        .function("createClient", &JsLlamaStackFactory::createClient)
        .function("isMock", &JsLlamaStackFactory::isMock)
        .function("recording", &JsLlamaStackFactory::recording);
}

}  // namespace genai::bindings
