"""Band expressions of `bm_type`: a small arithmetic grammar of our own, parsed and evaluated here.

Nothing here hands text to Python (no ``eval``, ``compile`` or ``ast``): the text is tokenised and
parsed by the code below into a tree of frozen dataclasses, and the tree is evaluated with numpy.

Grammar (loosest binding first)::

    expression := term (("+" | "-") term)*
    term       := unary (("*" | "/") unary)*
    unary      := ("+" | "-") unary | power
    power      := primary (("**" | "^") unary)?        right-associative: 2**3**2 = 2**(3**2)
    primary    := number | name | name "(" expression ("," expression)* ")" | "(" expression ")"

- ``**`` binds tighter than a unary minus on its left (``-2**2 = -4``, as in Python and in most
  band-math tools); its exponent may carry a sign (``2**-1``). ``^`` is the same as ``**``.
- Numbers: ``2``, ``0.5``, ``.5``, ``5.``, ``1e-3``, ``2.5E+2``.
- Names: a letter or ``_``, then letters, digits, ``_``. A name is a band of the scene's sensor
  (``B04``, ``B8A``, ``B6_VCID_1``) or an alias (``RED``, ``NIR``, ... see core/sensors.py).
  Names are case-sensitive, as the API's band names are: ``b4`` is not ``B4``.
- Functions (``FUNCTIONS``): ``sqrt(x)``, ``abs(x)``, ``log(x)`` (natural), ``log10(x)``,
  ``exp(x)``, ``min(a, b, ...)`` and ``max(a, b, ...)`` (two or more arguments, element-wise).
- Whitespace is ignored. Several expressions are separated by commas at the top level of
  `bm_type` only (``split_expressions``); a comma inside a call's parentheses separates arguments.

Errors are ``RequestError("params.bm_type", "Unsupported band or operation: ...")``, the API's 422
wording followed by what is wrong; positions in messages count characters from 1.

Evaluation (``evaluate``) is element-wise over numpy arrays in float64 (or a dtype the caller
chooses). Division by zero and invalid operations give inf / nan without warnings; the caller
turns non-finite values into nodata.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np

from .errors import DataError, RequestError
from .i18n import tr
from .sensors import Sensor, band_by_alias

FIELD = "params.bm_type"
MAX_DEPTH = 100  # levels of nesting (parentheses, operators in a chain); deeper input is refused


def unsupported(detail: str) -> RequestError:
    """The error of a bad `bm_type`: "Unsupported band or operation: <detail>"."""
    return RequestError(tr("Unsupported band or operation: {detail}").format(detail=detail), FIELD)


# ---------------------------------------------------------------------------------------------
# The tree

# Binding strength of each kind of node, used by to_text to put parentheses only where needed.
_ADDITIVE, _MULTIPLICATIVE, _UNARY, _POWER, _ATOM = 1, 2, 3, 4, 5
_BINARY_LEVEL = {"+": _ADDITIVE, "-": _ADDITIVE, "*": _MULTIPLICATIVE, "/": _MULTIPLICATIVE, "**": _POWER}


class Node:
    """A node of a parsed expression. Subclasses are frozen dataclasses, compared by value."""

    def bands(self) -> set[str]:
        """The names (bands or aliases) the expression uses."""
        names: set[str] = set()
        self._collect(names)
        return names

    def to_text(self) -> str:
        """The canonical text: single spaces around binary operators, parentheses only where the
        grammar needs them, ``**`` for powers. Parsing it gives back an equal tree (for every tree
        the parser makes; a Number below zero built by hand reads back as a unary minus)."""
        raise NotImplementedError

    def _collect(self, names: set[str]) -> None:
        raise NotImplementedError

    @property
    def _level(self) -> int:
        return _ATOM

    def __str__(self) -> str:
        return self.to_text()


@dataclass(frozen=True)
class Number(Node):
    value: float

    def to_text(self) -> str:
        return format_number(self.value)

    def _collect(self, names: set[str]) -> None:
        pass

    @property
    def _level(self) -> int:
        return _UNARY if self.value < 0 else _ATOM  # "-1" reads as a unary minus


@dataclass(frozen=True)
class BandRef(Node):
    name: str  # a band name of the sensor or an alias, as written

    def to_text(self) -> str:
        return self.name

    def _collect(self, names: set[str]) -> None:
        names.add(self.name)


@dataclass(frozen=True)
class UnaryOp(Node):
    op: str  # "-" or "+"
    operand: Node

    def to_text(self) -> str:
        return self.op + _wrapped(self.operand, self.operand._level < _UNARY)

    def _collect(self, names: set[str]) -> None:
        self.operand._collect(names)

    @property
    def _level(self) -> int:
        return _UNARY


@dataclass(frozen=True)
class BinaryOp(Node):
    op: str  # "+", "-", "*", "/", "**"
    left: Node
    right: Node

    def to_text(self) -> str:
        level = _BINARY_LEVEL[self.op]
        if self.op == "**":
            # Right-associative; the base binds tighter than anything but an atom, the exponent
            # may be a signed operand.
            left = _wrapped(self.left, self.left._level <= _POWER)
            right = _wrapped(self.right, self.right._level < _UNARY)
        else:
            # Left-associative: a right operand of the same level keeps its parentheses, so that
            # a - (b - c) and a + (b + c) parse back to the same tree.
            left = _wrapped(self.left, self.left._level < level)
            right = _wrapped(self.right, self.right._level <= level)
        return f"{left} {self.op} {right}"

    def _collect(self, names: set[str]) -> None:
        self.left._collect(names)
        self.right._collect(names)

    @property
    def _level(self) -> int:
        return _BINARY_LEVEL[self.op]


@dataclass(frozen=True)
class Call(Node):
    function: str  # a key of FUNCTIONS
    args: tuple[Node, ...]

    def to_text(self) -> str:
        return f"{self.function}({', '.join(arg.to_text() for arg in self.args)})"

    def _collect(self, names: set[str]) -> None:
        for arg in self.args:
            arg._collect(names)


def _wrapped(node: Node, parenthesise: bool) -> str:
    text = node.to_text()
    return f"({text})" if parenthesise else text


def format_number(value: float) -> str:
    """A number as our grammar reads it back: 2, 0.5, 1e-07, 1e+16."""
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(f"{value} has no text in the expression grammar")
    if float(value).is_integer() and abs(value) < 1e16:
        return str(int(value))
    return repr(float(value))


# ---------------------------------------------------------------------------------------------
# Functions

@dataclass(frozen=True)
class Function:
    name: str
    min_args: int
    max_args: int | None  # None: any number from min_args
    apply: Callable[..., np.ndarray]


FUNCTIONS: dict[str, Function] = {
    function.name: function
    for function in (
        Function("sqrt", 1, 1, np.sqrt),
        Function("abs", 1, 1, np.abs),
        Function("log", 1, 1, np.log),  # natural logarithm
        Function("log10", 1, 1, np.log10),
        Function("exp", 1, 1, np.exp),
        Function("min", 2, None, lambda *args: functools.reduce(np.minimum, args)),  # nan wins: nodata
        Function("max", 2, None, lambda *args: functools.reduce(np.maximum, args)),
    )
}

_BINARY_UFUNCS: dict[str, np.ufunc] = {
    "+": np.add,
    "-": np.subtract,
    "*": np.multiply,
    "/": np.true_divide,
    "**": np.power,
}


# ---------------------------------------------------------------------------------------------
# Tokens

@dataclass(frozen=True)
class Token:
    kind: str  # "number", "name", "op", "end"
    text: str  # as written ("^" stays "^")
    position: int  # 1-based, in the whole text given to the parser

    def describe(self) -> str:
        if self.kind == "end":
            return tr("the end of the expression")
        return tr("'{token}' at position {position}").format(token=self.text, position=self.position)


_NUMBER = re.compile(r"(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_OPERATORS = ("**", "+", "-", "*", "/", "^", "(", ")", ",")


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """The tokens of `text`, ending with an "end" token. Positions are 1-based and shifted by
    `offset` (where `text` starts in a longer bm_type)."""
    tokens: list[Token] = []
    index = 0
    while index < len(text):
        char = text[index]
        position = offset + index + 1
        if char.isspace():
            index += 1
            continue
        number = _NUMBER.match(text, index)
        if number:
            end = number.end()
            if end < len(text) and (text[end].isalnum() or text[end] in "_."):
                tail = re.match(r"[A-Za-z0-9_.]*", text[end:])
                run = tail.group(0) if tail else ""
                message = tr("malformed number '{number}' at position {position}")
                raise unsupported(message.format(number=text[index:end] + run, position=position))
            tokens.append(Token("number", number.group(0), position))
            index = end
            continue
        name = _NAME.match(text, index)
        if name:
            tokens.append(Token("name", name.group(0), position))
            index = name.end()
            continue
        operator = next((op for op in _OPERATORS if text.startswith(op, index)), None)
        if operator is None:
            shown = char if char.isprintable() else repr(char)[1:-1]
            raise unsupported(tr("unexpected character '{character}' at position {position}").format(
                character=shown, position=position))
        tokens.append(Token("op", operator, position))
        index += len(operator)
    tokens.append(Token("end", "", offset + len(text) + 1))
    return tokens


# ---------------------------------------------------------------------------------------------
# Parser

def parse_expression(text: str, offset: int = 0) -> Node:
    """Parse one expression (no top-level commas) into a tree.

    `offset`: where `text` starts inside a longer bm_type, so that positions in error messages
    point into the text the user wrote.
    """
    if not isinstance(text, str):
        raise unsupported(tr("the expression must be text, not {type}").format(type=type(text).__name__))
    if not text.strip():
        return _empty(text, offset)
    return _Parser(tokenize(text, offset)).parse()


def _empty(text: str, offset: int) -> Node:
    if offset:
        raise unsupported(tr("empty expression at position {position}").format(position=offset + 1))
    raise unsupported(tr("empty expression"))


class _Parser:
    """Recursive descent over the token list; each rule returns (node, depth of the tree)."""

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.index = 0
        self.nesting = 0
        self.open_parens: list[Token] = []

    @property
    def current(self) -> Token:
        return self.tokens[self.index]

    def advance(self) -> Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def at(self, *texts: str) -> bool:
        return self.current.kind == "op" and self.current.text in texts

    def parse(self) -> Node:
        node, _ = self.expression()
        token = self.current
        if token.kind != "end":
            if token.text == ")":
                message = tr("unbalanced parentheses: ')' at position {position} has no matching '('")
                raise unsupported(message.format(position=token.position))
            if token.text == ",":
                message = tr("unexpected ',' at position {position}: commas separate expressions "
                             "only at the top level of bm_type, and arguments only inside a function call")
                raise unsupported(message.format(position=token.position))
            message = tr("unexpected '{token}' at position {position}: an operator is missing before it")
            raise unsupported(message.format(token=token.text, position=token.position))
        return node

    def _deeper(self, depth: int) -> int:
        if depth > MAX_DEPTH:
            message = tr("the expression is nested too deeply near position {position} (at most {levels} levels)")
            raise unsupported(message.format(position=self.current.position, levels=MAX_DEPTH))
        return depth

    def expression(self) -> tuple[Node, int]:
        self.nesting += 1
        self._deeper(self.nesting)
        try:
            node, depth = self.term()
            while self.at("+", "-"):
                op = self.advance().text
                right, right_depth = self.term()
                node, depth = BinaryOp(op, node, right), self._deeper(max(depth, right_depth) + 1)
            return node, depth
        finally:
            self.nesting -= 1

    def term(self) -> tuple[Node, int]:
        node, depth = self.unary()
        while self.at("*", "/"):
            op = self.advance().text
            right, right_depth = self.unary()
            node, depth = BinaryOp(op, node, right), self._deeper(max(depth, right_depth) + 1)
        return node, depth

    def unary(self) -> tuple[Node, int]:
        if self.at("+", "-"):
            op = self.advance().text
            self.nesting += 1
            self._deeper(self.nesting)
            try:
                operand, depth = self.unary()
            finally:
                self.nesting -= 1
            return UnaryOp(op, operand), self._deeper(depth + 1)
        return self.power()

    def power(self) -> tuple[Node, int]:
        base, depth = self.primary()
        if self.at("**", "^"):
            self.advance()
            self.nesting += 1
            self._deeper(self.nesting)
            try:
                exponent, exponent_depth = self.unary()
            finally:
                self.nesting -= 1
            return BinaryOp("**", base, exponent), self._deeper(max(depth, exponent_depth) + 1)
        return base, depth

    def primary(self) -> tuple[Node, int]:
        token = self.current
        if token.kind == "number":
            self.advance()
            value = float(token.text)
            if value == float("inf"):
                message = tr("the number {number} at position {position} is too large")
                raise unsupported(message.format(number=token.text, position=token.position))
            return Number(value), 1
        if token.kind == "name":
            self.advance()
            if self.at("("):
                return self.call(token)
            return BandRef(token.text), 1
        if self.at("("):
            self.open_parens.append(self.advance())
            if self.at(")"):
                raise unsupported(tr("empty parentheses at position {position}").format(position=token.position))
            node, depth = self.expression()
            self.close(token)
            return node, depth
        raise self.missing_operand(token)

    def call(self, name: Token) -> tuple[Node, int]:
        function = FUNCTIONS.get(name.text)
        if function is None:
            known = ", ".join(sorted(FUNCTIONS))
            if name.text.lower() in FUNCTIONS:
                message = tr("unknown function '{function}' at position {position} (known: {known}); "
                             "did you mean {suggestion}?")
            else:
                message = tr("unknown function '{function}' at position {position} (known: {known})")
            raise unsupported(message.format(
                function=name.text, position=name.position, known=known, suggestion=name.text.lower()))
        opening = self.advance()
        self.open_parens.append(opening)
        args: list[Node] = []
        depth = 0
        if not self.at(")"):
            while True:
                arg, arg_depth = self.expression()
                args.append(arg)
                depth = max(depth, arg_depth)
                if not self.at(","):
                    break
                self.advance()
        self.close(opening)
        count = len(args)
        if count < function.min_args or (function.max_args is not None and count > function.max_args):
            if function.max_args != function.min_args:
                message = tr("{function} at position {position} takes at least {arguments} arguments, not {count}")
            elif function.min_args == 1:
                message = tr("{function} at position {position} takes 1 argument, not {count}")
            else:
                message = tr("{function} at position {position} takes {arguments} arguments, not {count}")
            raise unsupported(message.format(
                function=function.name, position=name.position, arguments=function.min_args, count=count))
        return Call(function.name, tuple(args)), self._deeper(depth + 1)

    def close(self, opening: Token) -> None:
        if self.at(")"):
            self.advance()
            self.open_parens.pop()
            return
        if self.current.kind == "end":
            message = tr("unbalanced parentheses: '(' at position {position} is never closed")
            raise unsupported(message.format(position=opening.position))
        if self.at(","):
            message = tr("unexpected ',' at position {position}: only a function call takes several arguments")
            raise unsupported(message.format(position=self.current.position))
        message = tr("unexpected '{token}' at position {position}: expected ')' to close the '(' at position "
                     "{opening}, or an operator")
        raise unsupported(
            message.format(token=self.current.text, position=self.current.position, opening=opening.position)
        )

    def missing_operand(self, token: Token) -> RequestError:
        if token.kind == "end":
            message = tr("the expression ends too early at position {position}: a number, band or '(' is missing")
            return unsupported(message.format(position=token.position))
        if token.text == ")":
            if not self.open_parens:
                message = tr("unbalanced parentheses: ')' at position {position} has no matching '('")
                return unsupported(message.format(position=token.position))
            message = tr("unexpected ')' at position {position}: a number, band or '(' is missing before it")
            return unsupported(message.format(position=token.position))
        message = tr("unexpected '{token}' at position {position}: a number, band or '(' is expected there")
        return unsupported(message.format(token=token.text, position=token.position))


# ---------------------------------------------------------------------------------------------
# Splitting a bm_type

def split_with_positions(bm_type: str) -> list[tuple[str, int]]:
    """The comma-separated parts of `bm_type` at the top level (not inside parentheses), each
    stripped, with the 0-based offset where the stripped part starts (for an empty part: where
    it would be)."""
    parts: list[tuple[str, int]] = []
    depth = 0
    start = 0
    for index, char in enumerate(bm_type + ","):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "," and (depth <= 0 or index == len(bm_type)):
            raw = bm_type[start:index]
            stripped = raw.strip()
            lead = len(raw) - len(raw.lstrip())
            parts.append((stripped, start + (lead if stripped else 0)))
            start = index + 1
            depth = max(depth, 0)
    return parts


def split_expressions(bm_type: str) -> list[str]:
    """Split `bm_type` on top-level commas only: "max(B04,B03),B02" -> ["max(B04,B03)", "B02"].

    Parts are stripped of surrounding whitespace; empty parts are kept (as "") for the caller to
    refuse with their position. Parentheses are not checked here: the parser does that.
    """
    return [text for text, _ in split_with_positions(bm_type)]


# ---------------------------------------------------------------------------------------------
# Rewriting and resolving

def map_bands(node: Node, replace: Callable[[str], Node]) -> Node:
    """A copy of `node` with each name replaced by `replace(name)` (which may return a subtree)."""
    if isinstance(node, BandRef):
        return replace(node.name)
    if isinstance(node, Number):
        return node
    if isinstance(node, UnaryOp):
        return UnaryOp(node.op, map_bands(node.operand, replace))
    if isinstance(node, BinaryOp):
        return BinaryOp(node.op, map_bands(node.left, replace), map_bands(node.right, replace))
    if isinstance(node, Call):
        return Call(node.function, tuple(map_bands(arg, replace) for arg in node.args))
    raise TypeError(f"not an expression node: {node!r}")


def fold_constants(node: Node) -> Node:
    """`node` with exact simplifications only: an operation on numbers alone becomes its number
    (when finite: 1 + 0.5 -> 1.5, 1 / 0 stays), and a product with 1 becomes the other factor.
    Used on catalog formulas once their named constants are substituted."""
    if isinstance(node, UnaryOp):
        operand = fold_constants(node.operand)
        if isinstance(operand, Number) and operand.value >= 0:
            # Kept as a unary minus over a non-negative number, as the parser builds it.
            return UnaryOp(node.op, operand) if node.op == "-" else operand
        return UnaryOp(node.op, operand)
    if isinstance(node, BinaryOp):
        left, right = fold_constants(node.left), fold_constants(node.right)
        if isinstance(left, Number) and isinstance(right, Number):
            with np.errstate(all="ignore"):
                value = float(_BINARY_UFUNCS[node.op](np.float64(left.value), np.float64(right.value)))
            if np.isfinite(value) and value >= 0:
                return Number(value)
        if node.op == "*" and isinstance(left, Number) and left.value == 1:
            return right
        if node.op in ("*", "/") and isinstance(right, Number) and right.value == 1:
            return left
        return BinaryOp(node.op, left, right)
    if isinstance(node, Call):
        return Call(node.function, tuple(fold_constants(arg) for arg in node.args))
    return node


def band_for_name(name: str, sensor: Sensor) -> str | None:
    """The sensor's band a name means: the band of that name, else the band with that alias."""
    if sensor.band(name) is not None:
        return name
    for band in sensor.bands:
        if band.alias == name:
            return band.name
    return None


def remap_bands(bm_type: str, old: Sensor, new: Sensor) -> str:
    """`bm_type` written for `old`'s bands, rewritten with `new`'s bands of the same role
    ("B04,B03,B02" on Sentinel-2 -> "B3,B2,B1" on Landsat 7; "(B08-B04)/(B08+B04)" -> "(B4-B3)/(B4+B3)").
    Only band names of `old` change, each to the band with its alias on `new`; aliases, index
    names, functions, numbers and spacing stay as written. A band without a counterpart, or text
    that does not read as expressions, is left as it is (the form then says what is wrong)."""
    if old is new or old.code == new.code:
        return bm_type
    try:
        tokens = tokenize(bm_type)
    except RequestError:
        return bm_type
    pieces = []
    last = 0
    for index, token in enumerate(tokens):
        if token.kind != "name" or tokens[index + 1].text == "(":  # a function call keeps its name
            continue
        band = old.band(token.text)
        counterpart = band_by_alias(new, band.alias) if band is not None and band.alias else None
        if counterpart is None:
            continue
        start = token.position - 1
        pieces += [bm_type[last:start], counterpart.name]
        last = start + len(token.text)
    return "".join(pieces) + bm_type[last:]


def unknown_band_message(name: str, sensor: Sensor) -> str:
    """ "B13 is not a Sentinel-2 band or alias", with a hint where one is likely."""
    aliases = {band.alias for band in sensor.bands if band.alias}
    suggestion = sensor.suggest(name)
    if suggestion is None and name.upper() in aliases:
        suggestion = name.upper()
    if suggestion is not None and suggestion != name:
        if suggestion.upper() == name.upper():
            message = tr("{name} is not a {sensor} band or alias (did you mean {suggestion}? names are case-sensitive)")
        else:
            message = tr("{name} is not a {sensor} band or alias (did you mean {suggestion}? {sensor} names it so)")
    elif name in FUNCTIONS:
        message = tr("{name} is not a {sensor} band or alias ({name} is a function: write {name}(...))")
    else:
        message = tr("{name} is not a {sensor} band or alias")
    return message.format(name=name, sensor=sensor.name, suggestion=suggestion)


def resolve(node: Node, sensor: Sensor) -> Node:
    """`node` with every alias replaced by the sensor's band name (RED -> B04 on Sentinel-2, B4 on
    Landsat 8/9, B3 on Landsat 5/7); every name must be a band or alias of `sensor`."""
    for name in sorted(node.bands()):
        if band_for_name(name, sensor) is None:
            raise unsupported(unknown_band_message(name, sensor))
    return map_bands(node, lambda name: BandRef(band_for_name(name, sensor) or name))


# ---------------------------------------------------------------------------------------------
# Evaluation

def evaluate(node: Node, bands: Mapping[str, np.ndarray], dtype: type | np.dtype = np.float64) -> np.ndarray:
    """Evaluate `node` element-wise over the arrays of the bands it names (all of one shape, or
    broadcastable), in `dtype` (float64 unless asked; integer inputs are converted first, so
    B08 - B04 of UInt16 bands is signed).

    Division by zero gives +-inf, 0/0 and invalid operations (sqrt or log of a negative number,
    a negative number to a fractional power) give nan, overflow gives inf; numpy's warnings for
    them are suppressed. An expression without bands gives a 0-d array.
    """
    dtype = np.dtype(dtype)
    if dtype.kind != "f":
        raise TypeError(f"evaluate computes in a floating-point type, not {dtype}")
    with np.errstate(all="ignore"):
        evaluation = _Evaluation(bands, dtype)
        result = evaluation.value(node)
        if evaluation.owns(result) and result.dtype == dtype:
            return result
        # A copy: the result never shares memory with the caller's band arrays.
        return np.array(result, dtype=dtype)


class _Evaluation:
    """One evaluation: the band arrays converted once each. A class rather than nested functions:
    a recursive closure is a reference cycle, which would keep the converted (large) arrays alive
    until Python's cycle collector happens to run.

    Operators write into an operand that is an intermediate result of this evaluation when it has
    the result's shape: (B08 - B04) / (B08 + B04) allocates two arrays, not three and a copy."""

    def __init__(self, bands: Mapping[str, np.ndarray], dtype: np.dtype) -> None:
        self.bands = bands
        self.dtype = dtype
        self.converted: dict[str, np.ndarray] = {}
        self.intermediates: list[np.ndarray] = []  # results of operators, ours to overwrite

    def owns(self, value: object) -> bool:
        return any(value is intermediate for intermediate in self.intermediates)

    def _operate(self, ufunc: np.ufunc, *operands: np.ndarray) -> np.ndarray:
        shape = np.broadcast_shapes(*(np.shape(operand) for operand in operands))
        reusable = next((operand for operand in operands if self.owns(operand) and operand.shape == shape), None)
        result = ufunc(*operands) if reusable is None else ufunc(*operands, out=reusable)
        if isinstance(result, np.ndarray) and result.ndim > 0 and result is not reusable:
            self.intermediates.append(result)
        return result

    def band(self, name: str) -> np.ndarray:
        if name not in self.converted:
            if name not in self.bands:
                raise DataError(tr("band {band} was not read for the expression").format(band=name), FIELD)
            self.converted[name] = np.asarray(self.bands[name], dtype=self.dtype)
        return self.converted[name]

    def value(self, node: Node) -> np.ndarray:
        if isinstance(node, Number):
            return self.dtype.type(node.value)
        if isinstance(node, BandRef):
            return self.band(node.name)
        if isinstance(node, UnaryOp):
            operand = self.value(node.operand)
            return self._operate(np.negative, operand) if node.op == "-" else operand
        if isinstance(node, BinaryOp):
            return self._operate(_BINARY_UFUNCS[node.op], self.value(node.left), self.value(node.right))
        if isinstance(node, Call):
            return FUNCTIONS[node.function].apply(*(self.value(arg) for arg in node.args))
        raise TypeError(f"not an expression node: {node!r}")
