"""Reading a streamed response the way a client does, counting the queries around it."""

from django.db import connection
from django.http import StreamingHttpResponse
from django.test.utils import CaptureQueriesContext


def receive_in_pieces(response) -> tuple[list[bytes], CaptureQueriesContext, CaptureQueriesContext]:
    """The pieces of a streamed response, with the queries run before the first piece went
    out and those run after it."""
    assert isinstance(response, StreamingHttpResponse)
    pieces = iter(response.streaming_content)
    with CaptureQueriesContext(connection) as first:
        received = [next(pieces)]
    with CaptureQueriesContext(connection) as rest:
        received += list(pieces)
    return received, first, rest
