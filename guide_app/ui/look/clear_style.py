"""Qt's own style, with field borders, check and radio marks and focus rings seen in any theme.

Fusion derives its outlines from the window colour (a shade darker), so on a black or dark grey
window they vanish, and its keyboard focus ring is a faint tint. This proxy draws those few
parts in colours measured against what lies around them (WCAG's 3:1 for user interface parts),
taken from the palette, so every theme, and a palette the computer gives, gets them.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QPlainTextEdit,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionButton,
    QStyleOptionComplex,
    QStyleOptionFocusRect,
    QStyleOptionSpinBox,
    QTextEdit,
    QWidget,
)

from guide_app.ui.look.contrast import UI_MINIMUM, clearest, mixed, ratio, towards

_Element = QStyle.PrimitiveElement
_State = QStyle.StateFlag
_Role = QPalette.ColorRole
_EDGE_MINIMUM = 1.6  # the edge of a list or of the page: seen, not loud
_STARK = 19.0  # black on white or white on black: lines at full strength, as the theme asks
_Metric = QStyle.PixelMetric
_MARKS = frozenset(
    (
        _Metric.PM_IndicatorWidth,
        _Metric.PM_IndicatorHeight,
        _Metric.PM_ExclusiveIndicatorWidth,
        _Metric.PM_ExclusiveIndicatorHeight,
    )
)
_MARK_PER_LINE = 0.8  # a check or radio mark's side, in lines of text: it grows with the zoom


class ClearStyle(QProxyStyle):
    """The base style (Fusion on Linux), with clear outlines and focus rings.

    The focus ring of a list or tree row is drawn whatever the base style; borders and marks
    only over Fusion, whose shapes this matches (other styles draw their own).
    """

    def __init__(self, base: str) -> None:
        super().__init__(base)
        fusion = self.baseStyle().name().casefold() == "fusion"
        self._colours: dict[tuple[int, ...], QColor] = {}
        self._own = (
            {
                _Element.PE_FrameLineEdit: self._field_frame,
                _Element.PE_Frame: self._frame,
                _Element.PE_IndicatorRadioButton: self._radio,
                _Element.PE_IndicatorCheckBox: self._check_box,
                _Element.PE_PanelButtonCommand: self._button,
            }
            if fusion
            else {}
        )
        self._fusion = fusion

    # Qt's entry points -------------------------------------------------------------------

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        """Draw `element`: the parts named above our way, everything else the base style's."""
        if element == _Element.PE_FrameFocusRect and isinstance(option, QStyleOptionFocusRect):
            if option.state & (_State.State_Item | _State.State_KeyboardFocusChange):
                self._focus_ring(option, painter)
                return
        else:
            own = self._own.get(element)
            if own is not None and own(option, painter, widget):
                return
        super().drawPrimitive(element, option, painter, widget)

    def pixelMetric(
        self,
        metric: QStyle.PixelMetric,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> int:
        """Qt's sizes, but check and radio marks grow with the text (zoom), never shrink."""
        size = super().pixelMetric(metric, option, widget)
        if metric not in _MARKS:
            return size
        if option is not None:
            line = option.fontMetrics.height()
        elif widget is not None:
            line = widget.fontMetrics().height()
        else:
            line = QFontMetrics(QApplication.font()).height()
        return max(size, round(line * _MARK_PER_LINE))

    def drawComplexControl(
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        """Draw `control`; a spin box or date field gets a clear border over Fusion's."""
        super().drawComplexControl(control, option, painter, widget)
        if (
            self._fusion
            and control == QStyle.ComplexControl.CC_SpinBox
            and isinstance(option, QStyleOptionSpinBox)
            and option.frame
        ):
            rect = QRectF(option.rect.adjusted(0, 1, -1, -2))  # where Fusion draws its outline
            self._outline(painter, rect, self._field_colour(option), rounded=True)

    # Colours -----------------------------------------------------------------------------

    def border(self, palette: QPalette, minimum: float = UI_MINIMUM) -> QColor:
        """A field's border: the window's colour moved towards its text until it shows."""
        ground, base = palette.color(_Role.Window), palette.color(_Role.Base)
        ink = palette.color(_Role.WindowText)
        key = (ground.rgba(), base.rgba(), ink.rgba(), round(minimum * 10))
        found = self._colours.get(key)
        if found is None:
            stark = ratio(ground, ink) >= _STARK
            found = QColor(ink) if stark else towards(ground, ink, (ground, base), minimum)
            self._colours[key] = found
        return found

    def focus_colour(self, palette: QPalette) -> QColor:
        """The colour of keyboard focus on the window: the highlight if it shows, else text."""
        ground = palette.color(_Role.Window)
        return clearest((palette.color(_Role.Highlight), palette.color(_Role.WindowText)), ground)

    def _field_colour(self, option: QStyleOption) -> QColor:
        if not option.state & _State.State_Enabled:
            return self.border(option.palette, _EDGE_MINIMUM)
        if option.state & _State.State_HasFocus:
            return self.focus_colour(option.palette)
        return self.border(option.palette)

    # Parts -------------------------------------------------------------------------------

    @staticmethod
    def _outline(painter: QPainter, rect: QRectF, colour: QColor, *, rounded: bool) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, on=rounded)
        painter.translate(0.5, 0.5)
        painter.setPen(QPen(colour, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if rounded:
            painter.drawRoundedRect(rect, 2, 2)
        else:
            painter.drawRect(rect)
        painter.restore()

    def _field_frame(self, option: QStyleOption, painter: QPainter, _w: QWidget | None) -> bool:
        colour = self._field_colour(option)
        self._outline(painter, QRectF(option.rect.adjusted(0, 0, -1, -1)), colour, rounded=True)
        if option.state & _State.State_HasFocus:  # a second line inside: focus is plain
            self._outline(painter, QRectF(option.rect.adjusted(1, 1, -2, -2)), colour, rounded=True)
        return True

    def _frame(self, option: QStyleOption, painter: QPainter, widget: QWidget | None) -> bool:
        if widget is not None and widget.inherits("QComboBoxPrivateContainer"):
            return False  # a drop-down list: Fusion draws it as a menu
        typed_in = isinstance(widget, (QTextEdit, QPlainTextEdit)) and not widget.isReadOnly()
        colour = (
            self._field_colour(option) if typed_in else self.border(option.palette, _EDGE_MINIMUM)
        )
        self._outline(painter, QRectF(option.rect.adjusted(0, 0, -1, -1)), colour, rounded=False)
        return True

    def _radio(self, option: QStyleOption, painter: QPainter, _w: QWidget | None) -> bool:
        palette, state = option.palette, option.state
        base, ink = palette.color(_Role.Base), palette.color(_Role.WindowText)
        box = QRectF(option.rect)
        outer = min(box.width(), box.height()) / 2
        keyboard = state & _State.State_HasFocus and state & _State.State_KeyboardFocusChange
        width = max(1.5, outer / 5) * (1.5 if keyboard else 1)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, on=True)
        painter.setBrush(mixed(base, ink, 0.15) if state & _State.State_Sunken else base)
        painter.setPen(
            QPen(self.focus_colour(palette) if keyboard else self._field_colour(option), width)
        )
        ring = outer - width / 2  # the ring's outer edge on the mark's edge: crisp at its sides
        painter.drawEllipse(box.center(), ring, ring)
        if state & _State.State_On:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(_Role.Text))
            painter.drawEllipse(box.center(), outer * 0.45, outer * 0.45)
        painter.restore()
        return True

    def _check_box(self, option: QStyleOption, painter: QPainter, widget: QWidget | None) -> bool:
        super().drawPrimitive(_Element.PE_IndicatorCheckBox, option, painter, widget)
        state = option.state
        keyboard = state & _State.State_HasFocus and state & _State.State_KeyboardFocusChange
        colour = self.focus_colour(option.palette) if keyboard else self._field_colour(option)
        self._outline(painter, QRectF(option.rect.adjusted(0, 0, -1, -1)), colour, rounded=False)
        return True

    def _button(self, option: QStyleOption, painter: QPainter, widget: QWidget | None) -> bool:
        flat = isinstance(option, QStyleOptionButton) and bool(
            option.features & QStyleOptionButton.ButtonFeature.Flat
        )
        super().drawPrimitive(_Element.PE_PanelButtonCommand, option, painter, widget)
        if flat and not option.state & (_State.State_Sunken | _State.State_On):
            return True  # Fusion draws no outline on a flat button at rest
        state = option.state
        keyboard = state & _State.State_HasFocus and state & _State.State_KeyboardFocusChange
        colour = self.focus_colour(option.palette) if keyboard else self._field_colour(option)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, on=True)
        painter.translate(0.5, -0.5)  # where Fusion draws its outline
        painter.setPen(QPen(colour, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        outline = QRectF(option.rect.adjusted(0, 1, -1, 0))
        painter.drawRoundedRect(outline, 2, 2)
        if keyboard:  # a second line inside, as a focused field has
            painter.drawRoundedRect(outline.adjusted(1, 1, -1, -1), 2, 2)
        painter.restore()
        return True

    def _focus_ring(self, option: QStyleOptionFocusRect, painter: QPainter) -> None:
        """A ring of two lines: the outer seen against the list, the inner against the row.

        One colour cannot always do both (yellow rows in a black list), and Fusion's tint of
        the highlight is hardly seen on a highlighted row.
        """
        palette, state = option.palette, option.state
        line = max(1, round(option.fontMetrics.height() / 16))
        if state & _State.State_Item:
            around = palette.color(_Role.Base)
            outer = clearest((palette.color(_Role.Text), palette.color(_Role.WindowText)), around)
            row = palette.color(_Role.Highlight if state & _State.State_Selected else _Role.Base)
            inner = clearest((palette.color(_Role.HighlightedText), outer), row)
        else:
            outer = inner = self.focus_colour(palette)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, on=False)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        rect = QRectF(option.rect)
        for colour, inset in ((outer, 0), (inner, line)):
            pen = QPen(colour, line)
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            painter.setPen(pen)
            edge = inset + line / 2
            painter.drawRect(rect.adjusted(edge, edge, -edge, -edge))
        painter.restore()
