import CermatWorkbook

/// The `inspect` overview: sheets, visibility, used range, cell counts by type, merges, panes, notes.
struct WorkbookSummary {
    let workbook: Workbook

    /// The overview as text.
    func render() -> String {
        let hidden = workbook.sheets.filter { $0.visibility != .visible }.count
        var out = "\(workbook.source): \(Plural.count(workbook.sheets.count, "sheet"))"
        if hidden > 0 { out += " (\(hidden) hidden)" }
        out += ", date system \(workbook.date1904 ? "1904" : "1900"), \(Plural.count(workbook.styles.count, "cell style"))"
        if !workbook.definedNames.isEmpty { out += ", \(Plural.count(workbook.definedNames.count, "defined name"))" }
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
        out += ": used range \(sheet.usedRange?.a1 ?? "none"), \(Plural.count(sheet.cells.count, "stored cell"))\n"
        let order = ["number", "string", "boolean", "error", "date", "empty"]
        var counts = [Int](repeating: 0, count: order.count)
        var formulas = 0
        sheet.cells.forEachSegment { segment, _ in
            for index in segment.indices {
                switch segment[index].value {
                case .number: counts[0] += 1
                case .string: counts[1] += 1
                case .boolean: counts[2] += 1
                case .error: counts[3] += 1
                case .date: counts[4] += 1
                case .empty: counts[5] += 1
                }
                if segment[index].formula != nil { formulas += 1 }
            }
        }
        let parts = order.indices.compactMap { index in
            counts[index] == 0 ? nil : "\(counts[index]) \(order[index] == "empty" ? "empty (style only)" : order[index])"
        }
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
        if hiddenRows + hiddenColumns > 0 {
            out += "  hidden: \(Plural.count(hiddenRows, "row")), \(Plural.count(hiddenColumns, "column"))\n"
        }
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
