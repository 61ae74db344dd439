import CermatWorkbook

/// The `inspect` overview: sheets, visibility, used range, cell counts by type, merges, panes, notes.
struct WorkbookSummary {
    let workbook: Workbook

    /// The overview as text.
    func render() -> String {
        let hidden = workbook.sheets.filter { $0.visibility != .visible }.count
        var out = "\(workbook.source): \(workbook.sheets.count) sheet\(workbook.sheets.count == 1 ? "" : "s")"
        if hidden > 0 { out += " (\(hidden) hidden)" }
        out += ", date system \(workbook.date1904 ? "1904" : "1900"), \(workbook.styles.count) cell styles"
        if !workbook.definedNames.isEmpty { out += ", \(workbook.definedNames.count) defined names" }
        out += "\n"
        for (index, sheet) in workbook.sheets.enumerated() {
            out += "\n" + render(sheet, number: index + 1)
        }
        if !workbook.unsupportedContent.isEmpty {
            let names = workbook.unsupportedContent.map(\.displayName).sorted().joined(separator: ", ")
            out += "\nnot modelled (an annotated copy cannot carry it): \(names)\n"
        }
        return out
    }

    private func render(_ sheet: Worksheet, number: Int) -> String {
        var out = "sheet \(number) '\(sheet.name)'"
        if sheet.visibility != .visible { out += " (\(sheet.visibility.rawValue))" }
        out += ": used range \(sheet.usedRange?.a1 ?? "none"), \(sheet.cells.count) stored cell\(sheet.cells.count == 1 ? "" : "s")\n"
        var counts: [String: Int] = [:]
        var formulas = 0
        for cell in sheet.cells {
            counts[cell.value.kindName, default: 0] += 1
            if cell.formula != nil { formulas += 1 }
        }
        let order = ["number", "string", "boolean", "error", "date", "empty"]
        let parts = order.compactMap { kind in counts[kind].map { "\($0) \(kind == "empty" ? "empty (style only)" : kind)" } }
        out += "  cells: " + (parts.isEmpty ? "none" : parts.joined(separator: ", "))
        out += formulas > 0 ? "; \(formulas) with formulas\n" : "\n"
        if !sheet.mergedRanges.isEmpty {
            let shown = sheet.mergedRanges.prefix(12).map(\.a1).joined(separator: " ")
            let more = sheet.mergedRanges.count > 12 ? " … (\(sheet.mergedRanges.count - 12) more)" : ""
            out += "  merged ranges (\(sheet.mergedRanges.count)): \(shown)\(more)\n"
        }
        if let pane = sheet.pane {
            out += "  \(pane.frozen ? "frozen" : "split") pane: \(pane.rows) rows, \(pane.columns) columns\n"
        }
        let hiddenRows = sheet.rows.filter(\.hidden).count
        let hiddenColumns = sheet.columns.filter(\.hidden).reduce(0) { $0 + $1.last - $1.first + 1 }
        if hiddenRows + hiddenColumns > 0 { out += "  hidden: \(hiddenRows) rows, \(hiddenColumns) columns\n" }
        if !sheet.notes.isEmpty { out += "  notes: \(sheet.notes.count)\n" }
        return out
    }
}

extension UnsupportedContent {
    /// The name a person reads.
    var displayName: String {
        switch self {
        case .charts: return "charts"
        case .images: return "images"
        case .pivotTables: return "pivot tables"
        case .threadedComments: return "threaded comments"
        case .macros: return "macros"
        case .tables: return "Excel tables"
        case .conditionalFormatting: return "conditional formatting"
        case .dataValidation: return "data validation"
        case .hyperlinks: return "hyperlinks"
        }
    }
}
