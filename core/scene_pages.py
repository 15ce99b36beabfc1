"""The scene sources searched page by page, for a list that shows scenes as they come (the dock's
scene list): folders answer whole, each STAC catalog with its first page, then one page more at each
ask until its answer has no `next` link (docs/stac.md#scene-sources). Whatever needs every scene
(mt_stats, `lbe scenes`) searches with SceneStoreSet.search, every page read at once.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .errors import DataError
from .feedback import FeedbackLike
from .scenes import Scene, SceneStoreSet, date_order
from .sources import UrlSceneSource

if TYPE_CHECKING:
    from .stac.sources import StacPages, StacSource


@dataclass(frozen=True)
class MoreScenes:
    """The catalogs of a search that have pages left, each with its source (whose credentials its
    scenes carry) and where its next page is."""

    catalogs: tuple[tuple[UrlSceneSource, StacSource, StacPages], ...]


def search_first_pages(stores: SceneStoreSet, pages: int = 1,
                       **criteria: Any) -> tuple[list[Scene], list[str], MoreScenes | None]:
    """As `stores.search(**criteria)` (the same scenes, order and problems), but of each catalog its
    first `pages` pages only; and where the catalogs' next pages are (None: every scene is listed)."""
    paged: list[Any] = [_FirstPages(store, pages) if isinstance(store, UrlSceneSource) else store
                        for store in stores.stores]
    searched = copy.copy(stores)  # the same sources (the folders' indexes kept), catalogs paged
    searched.stores = paged
    scenes, problems = searched.search(**criteria)
    more = tuple((store.source, store.catalog, store.more) for store in paged
                 if isinstance(store, _FirstPages) and store.catalog is not None and store.more is not None)
    return scenes, problems, MoreScenes(more) if more else None


def search_more(more: MoreScenes, pages: int = 1,
                feedback: FeedbackLike | None = None) -> tuple[list[Scene], list[str], MoreScenes | None]:
    """The scenes of each catalog's next `pages` pages, newest first, the problems met, and where the
    pages after are. A catalog that fails is a problem, and is asked for the same page next time."""
    from .remote.client import RemoteError  # imported late, as in SceneStoreSet.search

    found: dict[str, Scene] = {}
    problems: list[str] = []
    left: list[tuple[UrlSceneSource, StacSource, StacPages]] = []
    for source, catalog, cursor in more.catalogs:
        try:
            page = catalog.more_pages(cursor, pages, feedback)
        except (DataError, RemoteError) as error:
            problems.append(str(error))
            left.append((source, catalog, cursor))
            continue
        for scene in page.scenes:
            found.setdefault(scene.view_id, source.credentialed(scene))  # the first source wins, as in SceneStoreSet
        problems += page.problems
        if page.more is not None:
            left.append((source, catalog, page.more))
    scenes = sorted(found.values(), key=date_order, reverse=True)
    return scenes, problems, MoreScenes(tuple(left)) if left else None


class _FirstPages:
    """A URL source searched for its first pages when it is a catalog, keeping where the next is."""

    def __init__(self, source: UrlSceneSource, pages: int) -> None:
        self.source = source
        self.pages = pages
        self.catalog: StacSource | None = None
        self.more: StacPages | None = None

    @property
    def root(self) -> str:
        return self.source.root

    def search(self, aoi: dict | None = None, start: dt.date | None = None, end: dt.date | None = None,
               max_cloud: float | None = None, sensors: Sequence[str] | None = None,
               problems: list[str] | None = None, feedback: FeedbackLike | None = None) -> list[Scene]:
        catalog = self.source.stac(feedback)
        if catalog is None:  # a web server of scene folders: its own answer (it cannot be searched)
            return self.source.search(aoi=aoi, start=start, end=end, max_cloud=max_cloud, sensors=sensors,
                                      problems=problems, feedback=feedback)
        page = catalog.search_pages(aoi, start, end, max_cloud, sensors, feedback, self.pages)
        if problems is not None:
            problems.extend(page.problems)
        self.catalog, self.more = catalog, page.more
        return [self.source.credentialed(scene) for scene in page.scenes]
