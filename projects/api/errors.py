"""The API's errors: JSON bodies that name the parameters at fault, for every failure."""

from django.http import Http404
from ninja.errors import ValidationError

from ..filters import InvalidFilters
from .schemas import ErrorBody

INVALID_PARAMETERS = "Some parameters are not valid."
ERROR_RESPONSES = {400: ErrorBody, 404: ErrorBody}


def problem(message: str, code: str) -> dict:
    return {"message": message, "code": code}


class ApiError(Exception):
    def __init__(self, status: int, detail: str, errors: dict | None = None):
        super().__init__(detail)
        self.status, self.detail, self.errors = status, detail, errors or {}


def _from_api_error(exc: ApiError) -> ApiError:
    return exc


def _from_invalid_filters(exc: InvalidFilters) -> ApiError:
    # Checks across fields (a budget without its currency) come from the form with no code.
    errors = {
        name: [problem(found["message"], found["code"] or "invalid") for found in problems]
        for name, problems in exc.errors.items()
    }
    return ApiError(400, INVALID_PARAMETERS, errors)


def _from_invalid_parameters(exc: ValidationError) -> ApiError:
    errors: dict[str, list[dict]] = {}
    for error in exc.errors:
        name = str(error["loc"][-1]) if error.get("loc") else "__all__"
        errors.setdefault(name, []).append(problem(error["msg"], error["type"]))
    return ApiError(400, INVALID_PARAMETERS, errors)


def _from_not_found(exc: Http404) -> ApiError:
    return ApiError(404, "There is no such record.")


def install(api) -> None:
    """Answer each kind of failure with {"detail": ..., "errors": {...}} and its status."""
    for exception, to_error in (
        (ApiError, _from_api_error),
        (InvalidFilters, _from_invalid_filters),
        (ValidationError, _from_invalid_parameters),
        (Http404, _from_not_found),
    ):

        def handler(request, exc, to_error=to_error):
            error = to_error(exc)
            body = {"detail": error.detail, "errors": error.errors}
            return api.create_response(request, body, status=error.status)

        api.add_exception_handler(exception, handler)
