"""The command line: `lbe run` and `lbe scenes`.

`run` prints exactly one JSON object on stdout; progress and errors go to stderr.
Exit status: 0 success; 2 invalid request, unreadable request file or bad arguments;
1 any other failure (scene not in the store, unreadable raster, ...); 130 cancelled.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import signal
import sys
import traceback

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_INVALID = 2
EXIT_CANCELLED = 130

# The command line is a process of its own: it may bound GDAL's block cache for the whole process.
CLI_GDAL_CACHE_BYTES = 256 * 1024 * 1024


class _ArgumentParser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, exit 2, as for an invalid request
        self.exit(EXIT_INVALID, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _ArgumentParser(prog="lbe", description="Load By Extent: run satellite-imagery tasks on a scene store.")
    parser.add_argument("--debug", action="store_true", help="show a traceback on internal errors")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_ArgumentParser)

    run = commands.add_parser("run", help="run a task request (JSON file, or - for stdin)")
    run.add_argument("request", help="the request JSON file, as the task API takes it")
    run.add_argument("--scenes", required=True, help="the scene store: a folder of scenes")
    run.add_argument("--out", default=".", help="folder for the results (default: the current folder)")

    scenes = commands.add_parser("scenes", help="list the scenes of a store")
    scenes.add_argument("--scenes", required=True, help="the scene store: a folder of scenes")
    scenes.add_argument("--aoi", help="only scenes intersecting this area (GeoJSON or any OGR vector file)")
    scenes.add_argument("--start", type=_date, help="first date, YYYY-MM-DD")
    scenes.add_argument("--end", type=_date, help="last date, YYYY-MM-DD")
    scenes.add_argument("--max-cloud", type=float, help="highest cloud cover in percent")
    scenes.add_argument("--sensor", action="append", help="sensor (sentinel2, landsat8, S2, L8 ...); repeatable")
    scenes.add_argument("--table", action="store_true", help="a table for people instead of JSON")
    return parser


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date YYYY-MM-DD") from None


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    signal.signal(signal.SIGTERM, _raise_interrupt)  # clean up staging files on kill too
    from osgeo import gdal

    gdal.SetCacheMax(CLI_GDAL_CACHE_BYTES)
    from .errors import LbeError, RequestError, SceneNotFoundError, TaskCancelled

    try:
        if args.command == "run":
            return _run(args)
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
    except LbeError as error:
        _error(str(error))
        return EXIT_FAILURE
    except Exception as error:  # a bug: say so in one line, the traceback only on request
        if args.debug:
            traceback.print_exc()
        _error(f"internal error ({type(error).__name__}: {error}); run with --debug and report it")
        return EXIT_FAILURE


def _raise_interrupt(_signum, _frame):
    raise KeyboardInterrupt


def _error(message: str) -> None:
    sys.stderr.write(f"lbe: error: {message}\n")


def _run(args) -> int:
    from .feedback import ConsoleFeedback
    from .local import LocalBackend
    from .request import TaskRequest
    from .runner import run

    if args.request == "-":
        request = TaskRequest.from_json(sys.stdin.read())
    else:
        request = TaskRequest.load(args.request)
    request.validate()  # an invalid request fails before the store is even looked at
    backend = LocalBackend(args.scenes)
    result = run(request, backend, args.out, ConsoleFeedback())
    sys.stdout.write(json.dumps(result.to_json_dict()) + "\n")
    return EXIT_OK


def _scenes(args) -> int:
    from .scenes import SceneStore

    aoi = _read_aoi(args.aoi) if args.aoi else None
    store = SceneStore(args.scenes)
    found = store.search(aoi=aoi, start=args.start, end=args.end, max_cloud=args.max_cloud, sensors=args.sensor)
    summaries = [scene.summary() for scene in found]
    if args.table:
        for item in summaries:
            cloud = "-" if item["cloud_cover"] is None else f"{item['cloud_cover']:.0f} %"
            sys.stdout.write(f"{item['date'] or '-':10}  {item['sensor']:14}  {cloud:>6}  {item['view_id']}\n")
    else:
        sys.stdout.write(json.dumps({"scenes": summaries}) + "\n")
    return EXIT_OK


def _read_aoi(path: str) -> dict:
    from .vector import read_aoi_file

    return read_aoi_file(path, field="--aoi")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
