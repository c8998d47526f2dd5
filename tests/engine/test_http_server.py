"""The webhook listener's HTTP server, spoken to over real sockets the way clients do."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable

import pytest

from flowin_engine.runtime._http import HttpRequest, HttpResponse, HttpServer

Talk = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]


def serve(handler, talk: Talk, *, max_body: int = 1024) -> None:
    """Start a server with ``handler``, let ``talk`` speak to it on one connection, stop it."""

    async def main() -> None:
        server = HttpServer(handler, max_body)
        await server.start("127.0.0.1", 0)
        reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
        try:
            await asyncio.wait_for(talk(reader, writer), 30)
        finally:
            writer.close()
            await server.close(grace=5)

    asyncio.run(main())


async def read_answer(reader: asyncio.StreamReader) -> tuple[int, dict[str, str], bytes]:
    head = await reader.readuntil(b"\r\n\r\n")
    status_line, *lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines:
        if line:
            name, _, value = line.partition(":")
            headers[name.lower()] = value.strip()
    body = await reader.readexactly(int(headers.get("content-length", "0")))
    return int(status_line.split()[1]), headers, body


async def echo(request: HttpRequest) -> HttpResponse:
    answer = {
        "method": request.method,
        "path": request.path,
        "query": request.query_string,
        "body": request.body.decode(),
        "type": request.headers.get("content-type"),
    }
    return HttpResponse(200, json.dumps(answer).encode(), "application/json")


def test_requests_sent_back_to_back_on_one_connection_are_answered_in_order():
    async def talk(reader, writer):
        writer.write(
            b"POST /webhook/a?x=1 HTTP/1.1\r\nHost: h\r\nContent-Type: application/json\r\n"
            b'Content-Length: 7\r\n\r\n{"a":1}'
            b"POST /webhook/b%20c HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello"
        )
        first = await read_answer(reader)
        second = await read_answer(reader)
        assert first[0] == second[0] == 200
        assert json.loads(first[2]) == {
            "method": "POST",
            "path": "/webhook/a",
            "query": "x=1",
            "body": '{"a":1}',
            "type": "application/json",
        }
        assert json.loads(second[2])["path"] == "/webhook/b c"
        assert json.loads(second[2])["body"] == "hello"
        assert "connection" not in first[1]  # kept alive
        assert first[1]["date"].endswith("GMT")

    serve(echo, talk)


def test_a_chunked_body_arrives_whole():
    async def talk(reader, writer):
        writer.write(
            b"POST /webhook/a HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
            b"5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"
        )
        status, _, body = await read_answer(reader)
        assert status == 200 and json.loads(body)["body"] == "hello world"

    serve(echo, talk)


def test_a_client_that_expects_100_continue_is_told_to_go_on_then_answered():
    async def talk(reader, writer):
        writer.write(
            b"POST /webhook/a HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\n"
            b"Content-Length: 2\r\n\r\n"
        )
        assert await reader.readuntil(b"\r\n\r\n") == b"HTTP/1.1 100 Continue\r\n\r\n"
        writer.write(b"ok")
        status, _, body = await read_answer(reader)
        assert status == 200 and json.loads(body)["body"] == "ok"

    serve(echo, talk)


@pytest.mark.parametrize(
    "request_bytes",
    [
        b"POST /webhook/a HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 5000\r\n\r\n",
        b"POST /webhook/a HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
        + b"400\r\n"
        + b"x" * 1024
        + b"\r\n"
        + b"400\r\n"
        + b"x" * 1024
        + b"\r\n",
    ],
    ids=["said up front", "chunked"],
)
def test_a_body_over_the_limit_is_refused_before_it_is_read_and_never_handled(request_bytes):
    handled = []

    async def handler(request):
        handled.append(request)
        return HttpResponse(200)

    async def talk(reader, writer):
        writer.write(request_bytes)
        status, headers, body = await read_answer(reader)
        assert status == 413
        assert json.loads(body) == {
            "error": "The request is larger than the 1 KiB this webhook accepts."
        }
        assert headers["connection"] == "close"
        assert await reader.read() == b""  # and the connection is closed

    serve(handler, talk)
    assert handled == []


def test_what_is_not_http_gets_400_and_the_connection_ends():
    async def talk(reader, writer):
        writer.write(b"HELLO THERE\r\n\r\n")
        status, _, body = await read_answer(reader)
        assert status == 400 and "could not be read" in json.loads(body)["error"]
        assert await reader.read() == b""

    serve(echo, talk)


def test_headers_past_the_limit_get_431():
    async def talk(reader, writer):
        writer.write(b"GET /webhook/a HTTP/1.1\r\nHost: h\r\n")
        for index in range(200):
            writer.write(b"X-Padding-%d: %s\r\n" % (index, b"y" * 500))
        writer.write(b"\r\n")
        status, _, _ = await read_answer(reader)
        assert status == 431

    serve(echo, talk)


def test_a_connection_silent_for_too_long_is_closed_and_one_in_use_is_not():
    async def main() -> None:
        entered, release = asyncio.Event(), asyncio.Event()

        async def slow(request):
            entered.set()
            await release.wait()  # an answer still being made, however long it takes
            return HttpResponse(200, b"done")

        server = HttpServer(slow, 1024, idle_timeout=1.0)
        await server.start("127.0.0.1", 0)
        busy_reader, busy_writer = await asyncio.open_connection("127.0.0.1", server.port)
        busy_writer.write(b"GET /webhook/a HTTP/1.1\r\nHost: h\r\n\r\n")
        await asyncio.wait_for(entered.wait(), 30)
        silent_reader, silent_writer = await asyncio.open_connection("127.0.0.1", server.port)
        trickling_reader, trickling_writer = await asyncio.open_connection("127.0.0.1", server.port)
        trickling_writer.write(b"POST /webhook/a HTTP/1.1\r\n")  # and never the rest
        assert await asyncio.wait_for(silent_reader.read(), 30) == b""
        assert await asyncio.wait_for(trickling_reader.read(), 30) == b""
        release.set()
        status, _, body = await asyncio.wait_for(read_answer(busy_reader), 30)
        assert (status, body) == (200, b"done")  # kept open while its answer was made
        for writer in (busy_writer, silent_writer, trickling_writer):
            writer.close()
        await server.close(grace=5)

    asyncio.run(asyncio.wait_for(main(), 60))


def test_an_http_1_0_client_gets_its_answer_and_the_connection_closes():
    async def talk(reader, writer):
        writer.write(b"GET /webhook/a HTTP/1.0\r\n\r\n")
        status, headers, _ = await read_answer(reader)
        assert status == 200 and headers["connection"] == "close"
        assert await reader.read() == b""

    serve(echo, talk)


def test_head_gets_the_headers_without_the_body():
    async def talk(reader, writer):
        writer.write(b"HEAD /webhook/a HTTP/1.1\r\nHost: h\r\n\r\n")
        head = await reader.readuntil(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 200 OK")
        writer.write(b"GET /webhook/b HTTP/1.1\r\nHost: h\r\n\r\n")  # the next answer is next
        status, _, body = await read_answer(reader)
        assert status == 200 and json.loads(body)["path"] == "/webhook/b"

    serve(echo, talk)


def test_a_header_a_flow_sets_with_a_line_break_in_it_is_left_out_not_sent():
    async def handler(request):
        return HttpResponse(
            200,
            b"ok",
            "text/plain",
            {"X-Order": "1042", "X-Evil": "a\r\nSet-Cookie: stolen=1", "Bad Name": "v"},
        )

    async def talk(reader, writer):
        writer.write(b"GET /webhook/a HTTP/1.1\r\nHost: h\r\n\r\n")
        status, headers, body = await read_answer(reader)
        assert status == 200 and body == b"ok"
        assert headers["x-order"] == "1042"
        assert "set-cookie" not in headers and "x-evil" not in headers
        assert "bad name" not in headers

    serve(handler, talk)


def test_a_header_name_that_cant_be_sent_is_left_out_and_the_answer_still_goes():
    async def handler(request):
        return HttpResponse(200, b"ok", "نص", {"الحالة": "تم", "X-Status": "مدفوع"})

    async def talk(reader, writer):
        writer.write(b"GET /webhook/a HTTP/1.1\r\nHost: h\r\n\r\n")
        status, headers, body = await read_answer(reader)
        assert (status, body) == (200, b"ok")
        # values that aren't Latin-1 go as UTF-8; a name that isn't a token is left out
        assert headers["x-status"].encode("latin-1").decode() == "مدفوع"
        assert headers["content-type"].encode("latin-1").decode() == "نص"
        assert all(name.isascii() for name in headers)

    serve(handler, talk)


def test_a_handler_that_fails_gets_its_caller_a_500_and_the_next_request_still_works():
    async def handler(request):
        if request.path == "/webhook/boom":
            raise RuntimeError("boom")
        return HttpResponse(200, b"fine")

    async def talk(reader, writer):
        writer.write(b"GET /webhook/boom HTTP/1.1\r\nHost: h\r\n\r\n")
        assert (await read_answer(reader))[0] == 500
        writer.write(b"GET /webhook/ok HTTP/1.1\r\nHost: h\r\n\r\n")
        assert (await read_answer(reader))[:3:2] == (200, b"fine")

    serve(handler, talk)


def test_a_stop_lets_a_caller_waiting_for_its_answer_have_it_within_the_grace_period():
    answered: list[tuple[int, bytes]] = []

    async def main() -> None:
        entered, release = asyncio.Event(), asyncio.Event()

        async def slow(request):
            entered.set()
            await release.wait()
            return HttpResponse(200, b"done")

        server = HttpServer(slow, 1024)
        await server.start("127.0.0.1", 0)
        reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
        writer.write(b"GET /webhook/a HTTP/1.1\r\nHost: h\r\n\r\n")
        await writer.drain()
        await asyncio.wait_for(entered.wait(), 30)
        closing = asyncio.create_task(server.close(grace=30))
        await asyncio.sleep(0)
        release.set()
        status, _, body = await asyncio.wait_for(read_answer(reader), 30)
        answered.append((status, body))
        await closing
        # The port was let go of: nothing answers there any more.
        with pytest.raises(OSError):
            await asyncio.open_connection("127.0.0.1", server.port)
        writer.close()

    asyncio.run(main())
    assert answered == [(200, b"done")]
