"""Small-number suppression for tables that leave SDS (partners, reciprocity, de-identified).

Rules, in order:

1. **Primary**: every count from 1 to ``threshold - 1`` (default 1–4) is hidden, totals included.
2. **Zeros are shown.** A true zero describes nobody, so it cannot single anyone out; hiding zeros
   would blank most of a sparse table for no gain. Zeros are also never needed as secondary cells: a
   line that holds a hidden count always holds another non-zero entry (its total, or the cells
   making up the total), and a non-zero entry that is shown is at least ``threshold``, which gives a
   wider hidden range.
3. **Secondary**: further counts are hidden until no hidden count can be worked out exactly from
   what is shown. Each row and column (its total counted as one of its entries) then has no hidden
   entry or at least two, and beyond that line rule the exact test below also defeats chains of
   equations across rows and columns, and the fact that a reader knows every hidden count is at
   least 1 (zeros are shown).

Hidden counts all look the same (``SUPPRESSED_MARK``): marking primaries "<5" and secondaries
otherwise would tell a reader which hidden cells are the small ones.

The exact test. Put the table and its margins in one matrix M with every row and column summing to
zero (interior counts, minus each row total, minus each column total, plus the grand total). A
reader knows the shown entries, that hidden counts are at least 1, and nothing else. A hidden entry
can be worked out exactly iff no other table fits, and another table exists iff some cycle through
that entry, alternating +1 / -1 along rows and columns of hidden entries, keeps every count at least
1 (conformal decomposition: any other fitting table differs from this one by a sum of such cycles,
all pointing the same way). So each hidden entry is checked with one graph search, and hidden
entries are added, cheapest first, until every hidden entry lies on such a cycle.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass

THRESHOLD = 5
SUPPRESSED_MARK = "*"
SUPPRESSION_NOTE = (
    "* = hidden: fewer than 5 people, or hidden so that a small number cannot be worked out "
    "from the totals. 0 means nobody."
)

# (row, column) in the table with margins: the last row holds column totals, the last column
# row totals.
Cell = tuple[int, int]


@dataclass(frozen=True)
class CountTable:
    """Counts of people: ``counts[i][j]`` for row ``rows[i]`` and column ``columns[j]``."""

    title: str
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    counts: tuple[tuple[int, ...], ...]

    def __post_init__(self) -> None:
        if len(self.counts) != len(self.rows) or any(len(r) != len(self.columns) for r in self.counts):
            raise ValueError("counts must have one row per row label and one value per column label")
        if any(v < 0 for r in self.counts for v in r):
            raise ValueError("counts cannot be negative")

    @classmethod
    def of(
        cls,
        title: str,
        rows: Sequence[str],
        columns: Sequence[str],
        counts: Sequence[Sequence[int]],
    ) -> CountTable:
        return cls(title, tuple(rows), tuple(columns), tuple(tuple(int(v) for v in r) for r in counts))


@dataclass(frozen=True)
class SuppressedTable:
    """A table ready to publish: each value is a count, or None where it is hidden."""

    title: str
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    cells: tuple[tuple[int | None, ...], ...]
    row_totals: tuple[int | None, ...]
    column_totals: tuple[int | None, ...]
    grand_total: int | None
    threshold: int

    @property
    def hidden(self) -> int:
        """How many values (cells and totals) are hidden."""
        values = [v for r in self.cells for v in r] + list(self.row_totals) + list(self.column_totals)
        return sum(v is None for v in values) + (self.grand_total is None)

    def matrix(self) -> list[list[int | None]]:
        """Cells with the row totals as a last column and the column totals as a last row."""
        out = [list(r) + [t] for r, t in zip(self.cells, self.row_totals, strict=True)]
        out.append(list(self.column_totals) + [self.grand_total])
        return out


def with_margins(counts: Sequence[Sequence[int]], n_columns: int) -> list[list[int]]:
    """The counts with a row-total column and a column-total row (grand total bottom right)."""
    out = [list(r) + [sum(r)] for r in counts]
    out.append([sum(r[j] for r in counts) for j in range(n_columns)] + [sum(sum(r) for r in counts)])
    return out


def _sign(full: Sequence[Sequence[int]], cell: Cell) -> int:
    """+1 where M holds the count itself (interior, grand total), -1 for a negated total."""
    last_r, last_c = len(full) - 1, len(full[0]) - 1
    return -1 if (cell[0] == last_r) != (cell[1] == last_c) else 1


def _can_move(full: Sequence[Sequence[int]], cell: Cell, step: int) -> bool:
    """Can M[cell] change by ``step`` while the count it stands for stays at least 1?"""
    return full[cell[0]][cell[1]] + step * _sign(full, cell) >= 1


def _on_cycle(full: Sequence[Sequence[int]], hidden: set[Cell], target: Cell) -> bool:
    """True if some other table that fits what is shown changes ``target`` (see the docstring)."""
    n_rows, n_cols = len(full), len(full[0])
    ti, tj = target
    for step in (1, -1):
        if not _can_move(full, target, step):
            continue
        # Nodes: ("r", i) and ("c", j). Going r_i -> c_j adds 1 to M[i][j]; going c_j -> r_i takes 1
        # off. After moving the target by ``step`` we need a path back, over other hidden entries,
        # that closes the cycle so that every row and column of M still sums to zero.
        start, goal = (("c", tj), ("r", ti)) if step == 1 else (("r", ti), ("c", tj))
        seen = {start}
        queue = deque([start])
        while queue:
            kind, k = queue.popleft()
            if (kind, k) == goal:
                return True
            if kind == "r":
                nexts = [(("c", j), (k, j), 1) for j in range(n_cols)]
            else:
                nexts = [(("r", i), (i, k), -1) for i in range(n_rows)]
            for node, cell, move in nexts:
                if node in seen or cell == target or cell not in hidden:
                    continue
                if _can_move(full, cell, move):
                    seen.add(node)
                    queue.append(node)
    return False


def recoverable(full: Sequence[Sequence[int]], hidden: set[Cell]) -> list[Cell]:
    """Hidden entries of the table-with-margins ``full`` that a reader could work out exactly."""
    return [cell for cell in sorted(hidden) if not _on_cycle(full, hidden, cell)]


def _lines(n_rows: int, n_cols: int) -> list[list[Cell]]:
    return [[(i, j) for j in range(n_cols)] for i in range(n_rows)] + [
        [(i, j) for i in range(n_rows)] for j in range(n_cols)
    ]


def _cost(full: list[list[int]], cell: Cell) -> tuple[int, int]:
    # Hide the smallest count first (least information lost); between equals, prefer an interior
    # cell, whose loss is local, to a total.
    last_r, last_c = len(full) - 1, len(full[0]) - 1
    return (full[cell[0]][cell[1]], int(cell[0] == last_r) + int(cell[1] == last_c))


def suppression_pattern(
    full: list[list[int]],
    threshold: int = THRESHOLD,
    *,
    fixed: frozenset[Cell] = frozenset(),
    start: frozenset[Cell] = frozenset(),
) -> set[Cell]:
    """Which entries of the table-with-margins to hide.

    ``fixed``: entries a reader knows from elsewhere (never hidden as a secondary, and no hidden
    count may rely on them). ``start``: entries hidden from the outset.
    """
    n_rows, n_cols = len(full), len(full[0])
    hidden = {(i, j) for i in range(n_rows) for j in range(n_cols) if 0 < full[i][j] < threshold}
    hidden |= start
    lines = _lines(n_rows, n_cols)
    while True:
        # The line rule first: cheap, and it settles most tables.
        changed = True
        while changed:
            changed = False
            for line in lines:
                inside = [c for c in line if c in hidden]
                if len(inside) == 1:
                    options = [c for c in line if c not in hidden and c not in fixed and full[c[0]][c[1]] > 0]
                    if options:
                        hidden.add(min(options, key=lambda c: _cost(full, c)))
                        changed = True
        exposed = recoverable(full, hidden)
        if not exposed:
            return hidden
        target = exposed[0]
        options = sorted(
            (
                c
                for i, row in enumerate(full)
                for j, v in enumerate(row)
                if (c := (i, j)) not in hidden and c not in fixed and v > 0
            ),
            key=lambda c: _cost(full, c),
        )
        for option in options:
            if _on_cycle(full, hidden | {option}, target):
                hidden.add(option)
                break
        else:
            # Never expected; hiding every non-zero entry always protects (each interior count then
            # lies on the cycle through its row total, column total and the grand total).
            hidden |= {(i, j) for i, row in enumerate(full) for j, v in enumerate(row) if v > 0}
            return hidden


def suppress(table: CountTable, threshold: int = THRESHOLD) -> SuppressedTable:
    """Hide small counts, and enough others that none can be worked out from what is shown."""
    full = with_margins(table.counts, len(table.columns))
    hidden = suppression_pattern(full, threshold) if table.rows and table.columns else set()
    return _published(table, hidden, threshold)


def suppress_with_total(
    table: CountTable, shown_elsewhere: bool, threshold: int = THRESHOLD
) -> SuppressedTable:
    """Suppress a table whose grand total is also published elsewhere (shown there, or hidden there
    in a way that lets it be one higher, as ``suppress_linked`` hides totals).

    Shown elsewhere: the grand total is shown here too and no hidden count relies on it being
    hidden. Hidden elsewhere: it is hidden here too, with the smallest non-zero count, its row total
    and its column total, so that "one more person" fits this table as it fits the other.
    """
    full = with_margins(table.counts, len(table.columns))
    grand = (len(table.rows), len(table.columns))
    total = full[grand[0]][grand[1]]
    if not table.rows or not table.columns or total == 0:
        return suppress(table, threshold)
    if shown_elsewhere:
        if total < threshold:
            raise ValueError("a total from 1 to 4 cannot be shown elsewhere")
        hidden = suppression_pattern(full, threshold, fixed=frozenset({grand})) - {grand}
        if recoverable(full, hidden):
            # Only when no pattern protects the small counts without the total: then every count
            # is hidden but the total (one non-zero count alone would equal it, and is not small).
            hidden = {(i, j) for i, row in enumerate(full) for j, v in enumerate(row) if v > 0} - {grand}
            interior = [v for row in table.counts for v in row if v > 0]
            if len(interior) == total:
                # Every count is 1: shown zeros would tell a reader that each hidden count is at
                # least 1, and so exactly 1. Hide the zeros too: only the total is left.
                hidden = {(i, j) for i, row in enumerate(full) for j in range(len(row))} - {grand}
        # A hidden count the rest gives away anyway (a lone row's total is the grand total) and that
        # is not small is shown: showing it tells a reader nothing more.
        hidden -= {(i, j) for i, j in recoverable(full, hidden) if full[i][j] >= threshold}
        return _published(table, hidden, threshold)
    # A count of 2 or more lets the move go both ways (one more or one fewer), whichever way the
    # other table's total can move.
    i, j = min(
        ((i, j) for i in range(len(table.rows)) for j in range(len(table.columns)) if full[i][j] > 0),
        key=lambda c: (full[c[0]][c[1]] < 2, full[c[0]][c[1]]),
    )
    start = frozenset({grand, (i, j), (i, grand[1]), (grand[0], j)})
    return _published(table, suppression_pattern(full, threshold, start=start), threshold)


# -- tables that share their columns ---------------------------------------------------------------
#
# Two tables of the same people broken down by different rows (council area by band, sector by band)
# share their column totals and grand total: a total hidden in one table but shown in the other is
# simply read there, and equations from both tables can be combined. ``suppress_linked`` therefore:
#
# * hides a shared total in every table or in none;
# * protects each other hidden count inside its own table by a cycle that avoids the shared totals,
#   so the other tables stay as they are whichever way the cycle moves it;
# * where that is impossible (and for every hidden shared total), uses a "joint up-move": in each
#   table one count of the column, its row total, the column total and the grand total, all hidden.
#   Adding 1 to each, in every table at once, keeps every equation of every table true and never
#   goes below a lower bound, so every count in the move could be one higher than it is.


@dataclass
class _Linked:
    full: list[list[int]]
    hidden: set[Cell]
    shared: set[Cell]  # the totals row: column totals and the grand total

    @property
    def last_row(self) -> int:
        return len(self.full) - 1


def _up_move(
    tables: list[_Linked], column: int, first: tuple[int, int] | None, moved: list[set[Cell]]
) -> None:
    """Hide a joint up-move through ``column``; ``first`` = (table, row) fixes one table's row."""
    n_cols = len(tables[0].full[0]) - 1
    for t, tab in enumerate(tables):
        if first is not None and first[0] == t:
            row = first[1]
        else:
            rows = [i for i in range(tab.last_row) if tab.full[i][column] > 0]
            row = min(rows, key=lambda i: (tab.full[i][column], (i, column) not in tab.hidden))
        cells = {(row, column), (row, n_cols), (tab.last_row, column), (tab.last_row, n_cols)}
        tab.hidden |= cells
        moved[t] |= cells


def suppress_linked(tables: Sequence[CountTable], threshold: int = THRESHOLD) -> list[SuppressedTable]:
    """Suppress, together, tables with the same columns: the same people, counted by other rows."""
    if not tables:
        return []
    columns = tables[0].columns
    if any(t.columns != columns for t in tables):
        raise ValueError("linked tables must have the same columns")
    n_cols = len(columns)
    fulls = [with_margins(t.counts, n_cols) for t in tables]
    if any(f[-1] != fulls[0][-1] for f in fulls):
        raise ValueError("linked tables must count the same people (equal column totals)")
    if len(tables) == 1 or not n_cols or any(not t.rows for t in tables):
        return [suppress(t, threshold) for t in tables]
    linked = [_Linked(f, set(), {(len(f) - 1, j) for j in range(n_cols + 1)}) for f in fulls]
    moved: list[set[Cell]] = [set() for _ in linked]
    totals = fulls[0][-1]
    if 0 < totals[n_cols] < threshold:  # so few people that every non-zero count is small
        for tab in linked:
            tab.hidden = {(i, j) for i, row in enumerate(tab.full) for j, v in enumerate(row) if v > 0}
        return [_published(t, tab.hidden, threshold) for t, tab in zip(tables, linked, strict=True)]
    for tab in linked:
        tab.hidden = {
            (i, j) for i in range(tab.last_row) for j in range(n_cols + 1) if 0 < tab.full[i][j] < threshold
        }
    for j in range(n_cols):
        if 0 < totals[j] < threshold:
            _up_move(linked, j, None, moved)
    while _protect_round(linked, moved, n_cols):
        pass
    return [_published(t, tab.hidden, threshold) for t, tab in zip(tables, linked, strict=True)]


def _protect_round(linked: list[_Linked], moved: list[set[Cell]], n_cols: int) -> bool:
    """One pass of the line rule and the exact check; True if anything more was hidden."""
    for t, tab in enumerate(linked):
        free = tab.hidden - tab.shared - moved[t]
        lines = _lines(len(tab.full), n_cols + 1)
        for line in lines:
            inside = [c for c in line if c in free]
            if len(inside) == 1:
                options = [
                    c
                    for c in line
                    if c not in tab.hidden and c not in tab.shared and tab.full[c[0]][c[1]] > 0
                ]
                if options:
                    tab.hidden.add(min(options, key=lambda c: _cost(tab.full, c)))
                    return True
        movable = tab.hidden - tab.shared
        for cell in sorted(free):
            if _on_cycle(tab.full, movable, cell):
                continue
            options = sorted(
                (
                    c
                    for i, row in enumerate(tab.full)
                    for j, v in enumerate(row)
                    if (c := (i, j)) not in tab.hidden and c not in tab.shared and v > 0
                ),
                key=lambda c: _cost(tab.full, c),
            )
            for option in options:
                if _on_cycle(tab.full, movable | {option}, cell):
                    tab.hidden.add(option)
                    return True
            i, j = cell
            if j == n_cols:  # a row total: move it with one of its counts
                j = min((b for b in range(n_cols) if tab.full[i][b] > 0), key=lambda b: tab.full[i][b])
            _up_move(linked, j, (t, i), moved)
            return True
    return False


def _published(table: CountTable, hidden: set[Cell], threshold: int) -> SuppressedTable:
    n_cols = len(table.columns)
    full = with_margins(table.counts, n_cols)
    shown = [[None if (i, j) in hidden else v for j, v in enumerate(row)] for i, row in enumerate(full)]
    return SuppressedTable(
        title=table.title,
        rows=table.rows,
        columns=table.columns,
        cells=tuple(tuple(r[:n_cols]) for r in shown[:-1]),
        row_totals=tuple(r[n_cols] for r in shown[:-1]),
        column_totals=tuple(shown[-1][:n_cols]),
        grand_total=shown[-1][n_cols],
        threshold=threshold,
    )
