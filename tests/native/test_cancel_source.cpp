// Core helpers added for long-lived streams: CancelSource (a signal the SDK fires itself,
// following a parent), Pipe (a body written while it is read) and AsyncEvent.
#include <doctest/doctest.h>

#include "core/async_event.hpp"
#include "http/cancel_source.hpp"
#include "http/pipe.hpp"
#include "support/test_support.hpp"

using namespace genai;
using genai::testing::runSync;

TEST_CASE("CancelSource: fires once, runs listeners once, follows its parent") {
    auto parent = http::CancelSource::create();
    auto child = http::CancelSource::create(parent);
    int fired = 0;
    const size_t key = child->onCancel([&] { ++fired; });
    int removed = 0;
    const size_t other = child->onCancel([&] { ++removed; });
    child->removeListener(other);
    CHECK_FALSE(child->aborted());
    parent->cancel();
    CHECK(child->aborted());
    CHECK(child->cancelled());
    CHECK(fired == 1);
    CHECK(removed == 0);
    child->cancel();
    CHECK(fired == 1);
    int late = 0;
    child->onCancel([&] { ++late; });
    CHECK(late == 1);  // already cancelled: at once
    child->removeListener(key);

    auto polled = std::make_shared<http::ManualCancelSignal>();
    auto follower = http::CancelSource::create(polled);
    CHECK_FALSE(follower->aborted());
    polled->abort();
    CHECK(follower->aborted());
    CHECK_FALSE(follower->cancelled());
}

TEST_CASE("CancelSource: a listener may drop the last reference to the source") {
    auto source = http::CancelSource::create();
    std::shared_ptr<http::CancelSource>* holder = new std::shared_ptr<http::CancelSource>(source);
    source->onCancel([holder] { delete holder; });
    http::CancelSource* raw = source.get();
    source.reset();
    raw->cancel();  // must not touch freed memory (ASan checks)
}

TEST_CASE("CancelSource: a child outliving its parent and a parent outliving its child") {
    auto parent = http::CancelSource::create();
    { auto child = http::CancelSource::create(parent); }
    parent->cancel();  // the dead child's listener was removed
    auto child = http::CancelSource::create(http::CancelSource::create());
    CHECK_FALSE(child->aborted());
}

TEST_CASE("Pipe: the reader gets what was written, waits when empty, ends at close or with the failure") {
    auto pipe = http::Pipe::create();
    auto reader = pipe->reader();
    pipe->write("a");
    pipe->write("");
    pipe->write("b");
    CHECK(runSync(reader->next()) == std::optional<std::string>("a"));
    CHECK(runSync(reader->next()) == std::optional<std::string>("b"));
    std::optional<std::string> got;
    bool done = false;
    startDetached(reader->next(), [&](std::optional<std::string> v) { got = v; done = true; }, [](std::exception_ptr) {});
    CHECK_FALSE(done);
    pipe->write("c");
    CHECK(done);
    CHECK(got == std::optional<std::string>("c"));
    pipe->close();
    CHECK(runSync(reader->next()) == std::nullopt);

    auto failing = http::Pipe::create();
    auto failingReader = failing->reader();
    failing->write("x");
    ErrorInfo info;
    info.kind = ErrorKind::Connection;
    info.message = "reset";
    failing->fail(Error(info));
    CHECK(runSync(failingReader->next()) == std::optional<std::string>("x"));
    CHECK_THROWS_AS(runSync(failingReader->next()), Error);
}

TEST_CASE("Pipe: cancelling the reader wakes a pending read and drops later writes") {
    auto pipe = http::Pipe::create();
    auto reader = pipe->reader();
    bool ended = false;
    startDetached(reader->next(), [&](std::optional<std::string> v) { ended = !v; }, [](std::exception_ptr) {});
    reader->cancel();
    CHECK(ended);
    CHECK(pipe->readerGone());
    pipe->write("ignored");
    CHECK(runSync(reader->next()) == std::nullopt);
}

TEST_CASE("AsyncEvent: waiters resume at set(), later waits pass until reset()") {
    AsyncEvent event;
    int resumed = 0;
    auto waiter = [&]() -> Task<void> {
        co_await event.wait();
        ++resumed;
    };
    startDetached(waiter(), [] {}, [](std::exception_ptr) {});
    startDetached(waiter(), [] {}, [](std::exception_ptr) {});
    CHECK(resumed == 0);
    event.set();
    CHECK(resumed == 2);
    runSync(waiter());
    CHECK(resumed == 3);
    event.reset();
    CHECK_FALSE(event.isSet());
    startDetached(waiter(), [] {}, [](std::exception_ptr) {});
    CHECK(resumed == 3);
    event.set();
    CHECK(resumed == 4);
}
