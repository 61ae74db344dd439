import CXlsxWriter
import CermatRules
import CermatWorkbook

/// The libxlsxwriter formats of one workbook's styles, plain and marked by severity, made once each.
final class Formats {
    private let workbook: Workbook
    private let owner: XlsxWriter
    private var plain: [Int: UnsafeMutablePointer<lxw_format>?] = [:]
    private var marked: [Int: [Severity: UnsafeMutablePointer<lxw_format>]] = [:]
    // The specification of a cell with no style at all: such cells need no format.
    private let unstyled = FormatSpec(CellStyle(), theme: [], palette: [])

    init(workbook: Workbook, owner: XlsxWriter) {
        self.workbook = workbook
        self.owner = owner
    }

    private func spec(_ styleIndex: Int) -> FormatSpec {
        let style = styleIndex < workbook.styles.count ? workbook.styles[styleIndex] : workbook.styles[0]
        return FormatSpec(style, theme: workbook.themeColors, palette: workbook.indexedColors)
    }

    /// The format of a style index, marked for a finding's severity when given.
    func format(_ styleIndex: Int, mark: Severity? = nil) -> UnsafeMutablePointer<lxw_format>? {
        if let mark {
            if let existing = marked[styleIndex]?[mark] { return existing }
            let format = owner.format(spec(styleIndex).marked(fill: SeverityMark.fill(mark), border: SeverityMark.border(mark)))
            marked[styleIndex, default: [:]][mark] = format
            return format
        }
        if let existing = plain[styleIndex] { return existing }
        let spec = spec(styleIndex)
        let format = spec == unstyled ? nil : owner.format(spec)
        plain[styleIndex] = format
        return format
    }

    /// The format of a rich-text run's font (only its font properties count in a run).
    func font(_ font: Font?) -> UnsafeMutablePointer<lxw_format>? {
        guard let font else { return nil }
        return owner.format(FormatSpec(CellStyle(font: font), theme: workbook.themeColors, palette: workbook.indexedColors))
    }
}
