import CXlsxWriter
import CermatWorkbook

/// Everything a libxlsxwriter format sets, as a value: built from a cell style of the source workbook (colours resolved
/// against its theme and palette), optionally marked for a finding. Equal specifications share one format.
struct FormatSpec: Hashable {
    /// A border edge: libxlsxwriter's style number and RGB colour.
    struct Edge: Hashable {
        var style: UInt8
        var color: UInt32?
    }

    var numberFormatIndex: Int?
    var numberFormat: String?
    var fontName: String?
    var fontSize: Double?
    var bold = false
    var italic = false
    var underline: UInt8 = 0
    var strike = false
    var script: UInt8 = 0
    var fontColor: UInt32?
    var pattern: UInt8 = 0
    var foreground: UInt32?
    var background: UInt32?
    var left: Edge?, right: Edge?, top: Edge?, bottom: Edge?, diagonal: Edge?
    var diagonalType: UInt8 = 0
    var horizontal: UInt8 = 0
    var vertical: UInt8 = 0
    var wrap = false
    var indent = 0
    var rotation = 0
    var shrink = false

    /// The specification of a source style.
    init(_ style: CellStyle, theme: [UInt32], palette: [UInt32]) {
        func rgb(_ color: Color?) -> UInt32? { color?.rgb(theme: theme, palette: palette) }
        let format = style.numberFormat
        // Built-in formats keep their id (their codes are locale-dependent, like 14's date); others their code.
        if format.id > 0 && format.id < 164 { numberFormatIndex = format.id } else if format.id != 0 { numberFormat = format.code }
        fontName = style.font.name
        fontSize = style.font.size
        bold = style.font.bold
        italic = style.font.italic
        underline = Self.underlines[style.font.underline ?? ""] ?? 0
        strike = style.font.strike
        script = style.font.verticalAlign == "superscript" ? 1 : style.font.verticalAlign == "subscript" ? 2 : 0
        fontColor = rgb(style.font.color)
        pattern = Self.patterns[style.fill.pattern] ?? 0
        foreground = rgb(style.fill.foreground)
        background = rgb(style.fill.background)
        let border = style.border
        func edge(_ edge: Border.Edge?) -> Edge? {
            guard let edge, let style = Self.borders[edge.style], style != 0 else { return nil }
            return Edge(style: style, color: rgb(edge.color))
        }
        left = edge(border.left)
        right = edge(border.right)
        top = edge(border.top)
        bottom = edge(border.bottom)
        diagonal = edge(border.diagonal)
        diagonalType = border.diagonalUp && border.diagonalDown ? 3 : border.diagonalUp ? 1 : border.diagonalDown ? 2 : 0
        horizontal = Self.horizontals[style.alignment.horizontal ?? ""] ?? 0
        vertical = Self.verticals[style.alignment.vertical ?? ""] ?? 0
        wrap = style.alignment.wrapText
        indent = style.alignment.indent
        // SpreadsheetML writes -1…-90 as 91…180 and stacked text as 255; libxlsxwriter takes -90…90 and 270.
        let rotation = style.alignment.textRotation
        self.rotation = rotation == 255 ? 270 : rotation > 90 ? 90 - rotation : rotation
        shrink = style.alignment.shrinkToFit
    }

    /// The same style marked for a finding: a solid fill and a medium border in the severity's colours.
    func marked(fill: UInt32, border: UInt32) -> FormatSpec {
        var marked = self
        marked.pattern = 1
        marked.foreground = fill
        marked.background = nil
        let edge = Edge(style: 2, color: border)
        marked.left = edge
        marked.right = edge
        marked.top = edge
        marked.bottom = edge
        return marked
    }

    /// Sets a libxlsxwriter format to this specification.
    func apply(to format: UnsafeMutablePointer<lxw_format>) {
        // libxlsxwriter reads colour 0 as "unset": black is its LXW_COLOR_BLACK.
        func color(_ rgb: UInt32) -> lxw_color_t { rgb == 0 ? lxw_color_t(LXW_COLOR_BLACK.rawValue) : lxw_color_t(rgb) }
        if let numberFormatIndex { format_set_num_format_index(format, UInt8(clamping: numberFormatIndex)) }
        if let numberFormat { format_set_num_format(format, numberFormat) }
        if let fontName { format_set_font_name(format, fontName) }
        if let fontSize { format_set_font_size(format, fontSize) }
        if bold { format_set_bold(format) }
        if italic { format_set_italic(format) }
        if underline != 0 { format_set_underline(format, underline) }
        if strike { format_set_font_strikeout(format) }
        if script != 0 { format_set_font_script(format, script) }
        if let fontColor { format_set_font_color(format, color(fontColor)) }
        if pattern != 0 {
            format_set_pattern(format, pattern)
            // For a solid fill libxlsxwriter takes the cell colour as the background colour.
            if pattern == 1 {
                if let foreground { format_set_bg_color(format, color(foreground)) }
            } else {
                if let foreground { format_set_fg_color(format, color(foreground)) }
                if let background { format_set_bg_color(format, color(background)) }
            }
        }
        if let left { format_set_left(format, left.style); left.color.map { format_set_left_color(format, color($0)) } }
        if let right { format_set_right(format, right.style); right.color.map { format_set_right_color(format, color($0)) } }
        if let top { format_set_top(format, top.style); top.color.map { format_set_top_color(format, color($0)) } }
        if let bottom {
            format_set_bottom(format, bottom.style)
            bottom.color.map { format_set_bottom_color(format, color($0)) }
        }
        if let diagonal, diagonalType != 0 {
            format_set_diag_type(format, diagonalType)
            format_set_diag_border(format, diagonal.style)
            diagonal.color.map { format_set_diag_color(format, color($0)) }
        }
        if horizontal != 0 { format_set_align(format, horizontal) }
        if vertical != 0 { format_set_align(format, vertical) }
        if wrap { format_set_text_wrap(format) }
        if indent > 0 { format_set_indent(format, UInt8(clamping: indent)) }
        if rotation != 0 { format_set_rotation(format, Int16(rotation)) }
        if shrink { format_set_shrink(format) }
    }

    // SpreadsheetML names to libxlsxwriter's numbers (format.h, 1.1.4).
    private static let underlines: [String: UInt8] = ["single": 1, "double": 2, "singleAccounting": 3, "doubleAccounting": 4]
    private static let patterns: [String: UInt8] = [
        "solid": 1, "mediumGray": 2, "darkGray": 3, "lightGray": 4, "darkHorizontal": 5, "darkVertical": 6, "darkDown": 7,
        "darkUp": 8, "darkGrid": 9, "darkTrellis": 10, "lightHorizontal": 11, "lightVertical": 12, "lightDown": 13,
        "lightUp": 14, "lightGrid": 15, "lightTrellis": 16, "gray125": 17, "gray0625": 18,
    ]
    private static let borders: [String: UInt8] = [
        "none": 0, "thin": 1, "medium": 2, "dashed": 3, "dotted": 4, "thick": 5, "double": 6, "hair": 7,
        "mediumDashed": 8, "dashDot": 9, "mediumDashDot": 10, "dashDotDot": 11, "mediumDashDotDot": 12, "slantDashDot": 13,
    ]
    private static let horizontals: [String: UInt8] = [
        "left": 1, "center": 2, "right": 3, "fill": 4, "justify": 5, "centerContinuous": 6, "distributed": 7,
    ]
    private static let verticals: [String: UInt8] = ["top": 8, "bottom": 9, "center": 10, "justify": 11, "distributed": 12]
}
