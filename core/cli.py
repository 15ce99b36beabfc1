"""The command line: `lbe run`, `lbe scenes` and `lbe stats`.

`run` and `stats` print exactly one JSON object on stdout; progress and errors go to stderr.
Exit status: 0 success; 2 invalid request (ours or the API's 422), unreadable request file or bad
arguments; 1 any other failure (scene not in the store, unreadable raster, the API or the network
failing, ...); 130 cancelled.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import math
import os
import signal
import sys
import traceback
from collections.abc import Sequence
from types import FrameType
from typing import TYPE_CHECKING, NoReturn

from .api_rules import DEFAULT_API_URL, DEFAULT_SEARCH_URL

if TYPE_CHECKING:  # the commands import what they run only when they run it
    from .http_raster import RemoteReading
    from .remote.backend import RemoteBackend
    from .remote.client import RemoteConfig
    from .remote.search import RemoteScene
    from .request import TaskRequest
    from .runner import Backend
    from .scenes import Scene

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_INVALID = 2
EXIT_CANCELLED = 130

# The command line is a process of its own: it may bound GDAL's block cache for the whole process.
CLI_GDAL_CACHE_BYTES = 256 * 1024 * 1024


class _ArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, exit 2, as for an invalid request
        self.exit(EXIT_INVALID, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _ArgumentParser(prog="lbe", description="Load By Extent: run satellite-imagery tasks on a scene store.")
    parser.add_argument("--debug", action="store_true", help="show a traceback on internal errors")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_ArgumentParser)

    run = commands.add_parser("run", help="run a task request (JSON file, or - for stdin)")
    run.add_argument("request", help="the request JSON file, as the task API takes it")
    where = run.add_mutually_exclusive_group(required=True)
    where.add_argument("--scenes", help="run with the local processor, on this scene source: a folder of scenes, a "
                                        "STAC API URL, or the URL of a web server with the scene folder layouts")
    where.add_argument("--api-url", help=f"run on the Processing API at this base URL (e.g. {DEFAULT_API_URL})")
    run.add_argument("--out", default=".", help="folder for the results (default: the current folder)")
    _add_key_arguments(run)
    _add_remote_task_arguments(run)

    scenes = commands.add_parser("scenes", help="list the scenes of a store, or search them on the API")
    source = scenes.add_mutually_exclusive_group(required=True)
    source.add_argument("--scenes", help="the scene store: a folder of scenes, or the URL of a STAC API "
                                         "(e.g. https://earth-search.aws.element84.com/v1)")
    source.add_argument("--api-url", help="search the scenes of the Processing API with this base URL "
                                          f"(e.g. {DEFAULT_API_URL}; the search itself goes to --search-url)")
    scenes.add_argument("--search-url", help="the API's scene search base URL "
                                             f"(default: {DEFAULT_SEARCH_URL})")
    _add_key_arguments(scenes)
    scenes.add_argument("--aoi", help="only scenes intersecting this area (GeoJSON or any OGR vector file)")
    scenes.add_argument("--start", type=_date, help="first date, YYYY-MM-DD")
    scenes.add_argument("--end", type=_date, help="last date, YYYY-MM-DD")
    scenes.add_argument("--max-cloud", type=float, help="highest cloud cover in percent")
    scenes.add_argument("--sensor", action="append", help="sensor (sentinel2, landsat8, S2, L8 ...); repeatable "
                                                          "(with --api-url the default is sentinel2)")
    scenes.add_argument("--limit", type=int, default=100, help="with --api-url: scenes per page of the search")
    scenes.add_argument("--max-pages", type=int, default=10, help="with --api-url: pages of the search to read")
    scenes.add_argument("--table", action="store_true", help="a table for people instead of JSON")

    stats = commands.add_parser("stats", help="statistics over time of every polygon of a vector file, in one table")
    stats.add_argument("request", help="an mt_stats request JSON file (or - for stdin); its geometry is replaced "
                                       "by each polygon in turn")
    stats.add_argument("--aoi", required=True, help="the polygons: any OGR vector file (its first layer)")
    stats.add_argument("--id-field", required=True, help="the field of --aoi that names each polygon in the table")
    where = stats.add_mutually_exclusive_group(required=True)
    where.add_argument("--scenes", help="run with the local processor, on this scene source: a folder of scenes or a "
                                        "STAC API URL")
    where.add_argument("--api-url", help="run on the Processing API at this base URL, one mt_stats task per polygon "
                                         f"(e.g. {DEFAULT_API_URL})")
    stats.add_argument("--out", default=".", help="folder for the CSV table (default: the current folder)")
    _add_key_arguments(stats)
    _add_remote_task_arguments(stats)
    return parser


def _add_remote_task_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--max-wait", type=_seconds, help="give up waiting for a remote task after this many seconds")
    parser.add_argument("--force", action="store_true",
                        help="send the request even if an identical one ran recently (default: reuse its result)")
    parser.add_argument("--ledger", help="the file of remote tasks (default: $LBE_LEDGER or ~/.local/state/...); "
                                         "a regular file or none yet")
    parser.add_argument("--no-ledger", action="store_true",
                        help="keep no record of remote tasks (as an empty LBE_LEDGER does): nothing to reuse or "
                             "resume")


def _add_key_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--api-key", help="the API key (better: the environment variable LBE_API_KEY, which "
                                          "other users of this computer cannot see in the process list)")
    parser.add_argument("--timeout", type=_positive_seconds, default=60.0, help="seconds to wait for each HTTP answer")


def _remote_reading(args: argparse.Namespace) -> RemoteReading:
    """How scene files and catalogs are read over HTTP: --timeout for each answer."""
    from .http_raster import RemoteReading

    return RemoteReading(timeout=args.timeout)


def _remote_config(args: argparse.Namespace, search_url: str | None = None) -> RemoteConfig:
    from .remote.client import ApiKey, RemoteConfig

    key = ApiKey(args.api_key or os.environ.get("LBE_API_KEY", ""))
    return RemoteConfig(api_url=args.api_url, api_key=key, search_url=search_url or DEFAULT_SEARCH_URL,
                        timeout=args.timeout, max_wait=getattr(args, "max_wait", None))


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds")
    return value


def _positive_seconds(text: str) -> float:
    value = _seconds(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds greater than 0")
    return value


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date YYYY-MM-DD") from None


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    signal.signal(signal.SIGTERM, _raise_interrupt)  # clean up staging files on kill too
    from osgeo import gdal, ogr, osr

    # The command line is its own process: it states GDAL's error mode (GDAL 3.9+ warns on stderr when
    # nobody does). The code checks return values and captures errors itself (gdal_support), so the
    # mode is the one it has always run with. Inside QGIS nothing sets it: the mode is QGIS's.
    for module in (gdal, ogr, osr):
        module.DontUseExceptions()
    gdal.SetCacheMax(CLI_GDAL_CACHE_BYTES)
    from .errors import LoadByExtentError, RequestError, SceneNotFoundError, TaskCancelled

    try:
        if args.command == "run":
            return _run(args)
        if args.command == "stats":
            return _stats(args)
        return _scenes(args)
    except RequestError as error:
        _error(str(error))
        return EXIT_INVALID
    except SceneNotFoundError as error:
        _error(str(error))
        return EXIT_FAILURE
    except (TaskCancelled, KeyboardInterrupt):
        _error("cancelled; nothing was written")
        return EXIT_CANCELLED
    except LoadByExtentError as error:
        _error(str(error))
        # The API's 422 says the request is invalid, as our own validation would.
        return EXIT_INVALID if getattr(error, "status", None) == 422 else EXIT_FAILURE
    except Exception as error:  # a bug: say so in one line, the traceback only on request
        if args.debug:
            traceback.print_exc()
        _error(f"internal error ({type(error).__name__}: {error}); run with --debug and report it")
        return EXIT_FAILURE


def _raise_interrupt(_signum: int, _frame: FrameType | None) -> NoReturn:
    raise KeyboardInterrupt


def _error(message: str) -> None:
    from .errors import shown  # what an error quotes may come from anyone: one line, cut, escaped

    with contextlib.suppress(AttributeError, OSError, ValueError):  # no stderr (2>&-): the exit status says it
        sys.stderr.write(f"lbe: error: {shown(message)}\n")


def _stdout_problem() -> str | None:
    """Why standard output cannot take the answer (closed: `>&-`), or None. Checked before any
    work: a result must not be committed that nobody can be told about."""
    try:
        os.fstat(sys.stdout.fileno())
    except (AttributeError, OSError, ValueError) as error:
        return getattr(error, "strerror", None) or "closed"
    return None


def _print_answer(text: str) -> str | None:
    """Print `text` and a line break on standard output, flushed; the reason it failed, or None."""
    try:
        sys.stdout.write(text + "\n")
        sys.stdout.flush()
    except (AttributeError, OSError, ValueError) as error:  # AttributeError: no sys.stdout at all
        return getattr(error, "strerror", None) or "closed"
    return None


def _stdout_writable() -> bool:
    """Whether the answer can be printed; says why not, before anything runs."""
    problem = _stdout_problem()
    if problem:
        _error(f"standard output cannot be written ({problem}): the result could not be reported; nothing was run")
    return not problem


def _request_argument(args: argparse.Namespace) -> TaskRequest:
    """The request of the command: a JSON file, or - for standard input."""
    from .request import TaskRequest

    if args.request == "-":
        return TaskRequest.load_stream(getattr(sys.stdin, "buffer", None), "stdin")
    return TaskRequest.load(args.request)


def _run(args: argparse.Namespace) -> int:
    from .feedback import ConsoleFeedback
    from .runner import run

    if not _stdout_writable():
        return EXIT_FAILURE
    request = _request_argument(args)
    request.validate()  # an invalid request fails before the store or the API is even looked at
    backend: Backend
    if args.scenes:
        from .local import LocalBackend
        from .scenes import SceneStoreSet

        reading = _remote_reading(args)
        backend = LocalBackend(SceneStoreSet([args.scenes], reading=reading), reading)
    else:
        backend = _remote_backend(args)
    result = run(request, backend, args.out, ConsoleFeedback())
    problem = _print_answer(json.dumps(result.to_json_dict()))
    if problem:  # the files are in place: say where, on stderr
        _error(f"the result is written ({', '.join(result.files)}), but standard output cannot be written "
               f"({problem})")
        return EXIT_FAILURE
    return EXIT_OK


def _remote_backend(args: argparse.Namespace) -> RemoteBackend:
    """The Processing API of --api-url, with the key, --max-wait, --force and the ledger of the arguments."""
    from .remote.backend import RemoteBackend
    from .remote.ledger import TaskLedger, ledger_path_for_command_line

    ledger_path = ledger_path_for_command_line(args.ledger, disabled=args.no_ledger)
    ledger = None if ledger_path is None else TaskLedger(ledger_path)
    return RemoteBackend(_remote_config(args), ledger, force=args.force)


def _stats(args: argparse.Namespace) -> int:
    from .feedback import ConsoleFeedback
    from .local.field_stats import Field, FieldsBackend, fields_request
    from .runner import run
    from .vector import read_polygon_features

    if not _stdout_writable():
        return EXIT_FAILURE
    request = _request_argument(args)
    fields = [Field(value, geometry) for value, geometry in read_polygon_features(args.aoi, args.id_field)]
    request, params = fields_request(request, fields)
    backend: Backend
    if args.scenes:
        from .scenes import SceneStoreSet

        reading = _remote_reading(args)
        backend = FieldsBackend(SceneStoreSet([args.scenes], reading=reading), fields, reading)
    else:
        from .remote.fields import RemoteFieldsBackend

        backend = RemoteFieldsBackend(_remote_backend(args), fields)
    result = run(request, backend, args.out, ConsoleFeedback(), params=params)
    problem = _print_answer(json.dumps(result.to_json_dict()))
    if problem:
        _error(f"the table is written ({', '.join(result.files)}), but standard output cannot be written ({problem})")
        return EXIT_FAILURE
    return EXIT_OK


def _scenes(args: argparse.Namespace) -> int:
    from .errors import shown

    aoi = _read_aoi(args.aoi) if args.aoi else None
    problems: list[str] = []
    found: Sequence[Scene] | Sequence[RemoteScene]
    if args.scenes:
        from .feedback import ConsoleFeedback
        from .sources import open_scene_source

        source = open_scene_source(args.scenes, reading=_remote_reading(args))
        found = source.search(aoi=aoi, start=args.start, end=args.end, max_cloud=args.max_cloud, sensors=args.sensor,
                              problems=problems, feedback=ConsoleFeedback())
    else:
        from .feedback import ConsoleFeedback
        from .remote.search import DEFAULT_DATASETS, search_remote_scenes

        config = _remote_config(args, search_url=args.search_url)
        found, problems = search_remote_scenes(
            config, args.sensor or DEFAULT_DATASETS, aoi, args.start, args.end, max_cloud=args.max_cloud,
            limit=args.limit, max_pages=args.max_pages, feedback=ConsoleFeedback())
    summaries = [scene.summary() for scene in found]
    if args.table:
        lines = []
        for item in summaries:
            cloud = "-" if item["cloud_cover"] is None else f"{item['cloud_cover']:.0f} %"
            lines.append(f"{item['date'] or '-':10}  {item['sensor']:14}  {cloud:>6}  {item['view_id']}")
        for problem in problems:
            sys.stderr.write(f"lbe: warning: {shown(problem)}\n")
        answer = "\n".join(lines) if lines else None
    else:
        output: dict = {"scenes": summaries}
        if problems:
            output["problems"] = problems
        answer = json.dumps(output)
    failure = _print_answer(answer) if answer is not None else None
    if failure:
        _error(f"standard output cannot be written ({failure})")
        return EXIT_FAILURE
    return EXIT_OK


def _read_aoi(path: str) -> dict:
    from .vector import read_aoi_file

    return read_aoi_file(path, field="--aoi")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
