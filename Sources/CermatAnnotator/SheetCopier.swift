import CermatRules
import CermatWorkbook

/// Copies one sheet of the model into the copy, row after row (as constant-memory mode requires): row layout, merges,
/// cells with their values, formulas and styles, the marks and notes of findings, the source's notes.
struct SheetCopier {
    let workbook: Workbook
    let sheet: Worksheet
    let writer: SheetWriter
    let owner: XlsxWriter
    let findings: [Finding]
    /// Cells of this sheet that findings elsewhere name as their related place (the other side of a cross finding).
    let related: [(cell: CellAddress, finding: Finding)]
    let language: Language

    func copy(into report: inout AnnotationReport) throws(AnnotatorError) {
        let formats = Formats(workbook: workbook, owner: owner)
        try layout(formats)
        var flagged: [CellAddress: Severity] = [:]
        var explained: [CellAddress: [Finding]] = [:]
        for finding in findings {
            flagged[finding.cell] = min(flagged[finding.cell] ?? finding.severity, finding.severity)
            explained[finding.cell, default: []].append(finding)
        }
        var relatedTo: [CellAddress: [Finding]] = [:]
        for (cell, finding) in related {
            flagged[cell] = min(flagged[cell] ?? finding.severity, finding.severity)
            relatedTo[cell, default: []].append(finding)
        }
        var notes: [CellAddress: Note] = [:]
        for note in sheet.notes { notes[note.address] = note }
        // Every row that needs something besides its cells, in order.
        let rowInfo = Dictionary(sheet.rows.map { ($0.row, $0) }, uniquingKeysWith: { first, _ in first })
        // Merges are declared on their own; the cells they cover that the sheet does not store get the anchor's
        // format (what a spreadsheet shows across the merged area: its borders, its fill).
        for range in sheet.mergedRanges { try writer.merge(range) }
        var covered: [Int: [(column: Int, style: Int)]] = [:]
        for range in sheet.mergedRanges where (range.last.row - range.first.row + 1) * (range.last.column - range.first.column + 1) <= 10_000 {
            let style = sheet[range.first]?.styleIndex ?? 0
            for row in range.first.row...range.last.row {
                for column in range.first.column...range.last.column where row != range.first.row || column != range.first.column {
                    covered[row, default: []].append((column, style))
                }
            }
        }
        let flaggedByRow = Dictionary(grouping: flagged.keys, by: \.row)
        let notedByRow = Dictionary(grouping: Set(notes.keys).union(explained.keys).union(relatedTo.keys), by: \.row)
        let specialRows = Set(rowInfo.keys).union(covered.keys).union(flaggedByRow.keys).union(notedByRow.keys)
        var pending = specialRows.sorted()[...]
        var shortened = 0

        func startRow(_ row: Int) throws(AnnotatorError) {
            if let info = rowInfo[row] {
                try writer.row(row, height: info.height, info.styleIndex.map { formats.format($0) } ?? nil,
                               hidden: info.hidden, level: info.outlineLevel)
            }
        }
        // Marks on flagged cells the sheet does not store, and the notes of the row.
        func finishRow(_ row: Int, written: Set<Int>) throws(AnnotatorError) {
            for place in covered[row] ?? [] where !written.contains(place.column) && flagged[CellAddress(row: row, column: place.column)] == nil {
                try writer.blank(row, place.column, formats.format(place.style))
            }
            for address in flaggedByRow[row] ?? [] where !written.contains(address.column) {
                try writer.blank(row, address.column, formats.format(0, mark: flagged[address]))
                report.flaggedCells += 1
            }
            for address in (notedByRow[row] ?? []).sorted(by: { $0.column < $1.column }) {
                let text = NoteText.text(existing: notes[address]?.text, findings: explained[address] ?? [],
                                         related: relatedTo[address] ?? [], language: language)
                let prepared = CellText.prepared(text)
                let size = NoteText.size(prepared.text)
                try writer.note(row, address.column, prepared.text,
                                author: explained[address] == nil && relatedTo[address] == nil ? notes[address]?.author : "Cermat",
                                width: size.width, height: size.height)
                report.notes += 1
            }
        }
        func flush(before row: Int) throws(AnnotatorError) {
            while let next = pending.first, next < row {
                pending.removeFirst()
                try startRow(next)
                try finishRow(next, written: [])
            }
        }

        var currentRow = -1
        var written: Set<Int> = []
        for cell in sheet.cells {
            let row = cell.address.row
            if row != currentRow {
                if currentRow >= 0 { try finishRow(currentRow, written: written) }
                try flush(before: row)
                if pending.first == row { pending.removeFirst() }
                try startRow(row)
                currentRow = row
                written = []
            }
            let mark = flagged[cell.address]
            if mark != nil { report.flaggedCells += 1 }
            shortened += try write(cell, formats.format(cell.styleIndex, mark: mark), formats)
            written.insert(cell.address.column)
        }
        if currentRow >= 0 { try finishRow(currentRow, written: written) }
        try flush(before: Int.max)
        if shortened > 0 {
            report.lost.append(language == .id
                ? "\(shortened) teks di sheet '\(sheet.name)' lebih dari 32.767 byte dan dipotong"
                : "\(shortened) texts on sheet '\(sheet.name)' were longer than 32,767 bytes and were cut")
        }
    }

    // Sheet-wide layout: visibility, grid lines, columns, default row height, frozen panes.
    private func layout(_ formats: Formats) throws(AnnotatorError) {
        if sheet.visibility != .visible { writer.hide() }
        if !sheet.showGridLines { writer.hideGridLines() }
        if let height = sheet.defaultRowHeight { writer.defaultRowHeight(height) }
        var covered: Set<Int> = []
        for column in sheet.columns {
            try writer.columns(column.first, column.last, width: Self.libxlsxwriterWidth(column.width ?? sheet.defaultColumnWidth ?? 8.43),
                               column.styleIndex.map { formats.format($0) } ?? nil, hidden: column.hidden,
                               level: column.outlineLevel)
            covered.formUnion(column.first...column.last)
        }
        // A sheet-wide default width applies to every column the sheet does not size itself.
        if let width = sheet.defaultColumnWidth, let used = sheet.usedRange {
            for column in used.first.column...used.last.column where !covered.contains(column) {
                try writer.columns(column, column, width: Self.libxlsxwriterWidth(width), nil, hidden: false, level: 0)
            }
        }
        if let pane = sheet.pane, pane.frozen, pane.rows > 0 || pane.columns > 0 {
            writer.freeze(rows: pane.rows, columns: pane.columns, topLeft: pane.topLeftCell)
        }
    }

    // libxlsxwriter stores a width w ≥ 1 as (⌊7w + 0.5⌋ + 5) / 7 (7-pixel digits, 5 pixels of padding): the inverse
    // gives back the source's stored width to within 1/14 of a character.
    static func libxlsxwriterWidth(_ stored: Double) -> Double {
        stored >= 12.0 / 7 ? stored - 5.0 / 7 : stored
    }

    // Writes one cell; returns 1 when its text had to be shortened.
    private func write(_ cell: Cell, _ format: SheetWriter.Format, _ formats: Formats) throws(AnnotatorError) -> Int {
        let row = cell.address.row, column = cell.address.column
        let dateFormatted = workbook.style(of: cell).numberFormat.isDate
        // libxlsxwriter writes the 1900 date system only: a 1904 workbook's dates move by its 1 462-day offset.
        let shift = workbook.date1904 && dateFormatted ? 1462.0 : 0
        if let formula = cell.formula {
            let prepared = CellText.prepared(formula)
            if let range = sheet.arrayFormulas[cell.address] {
                // libxlsxwriter strips one pair of braces from an array formula: wrapped, a trailing "}" of the
                // formula itself ("B29*{1,2,3}") survives.
                try writer.arrayFormula(range, "{=" + prepared.text + "}", format, number: (cell.value.number ?? 0) + shift)
                return prepared.shortened ? 1 : 0
            }
            switch cell.value {
            case .number(let number): try writer.formula(row, column, prepared.text, format, number: number + shift)
            case .boolean(let flag): try writer.formula(row, column, prepared.text, format, number: flag ? 1 : 0)
            case .string(let text): try writer.formula(row, column, prepared.text, format, text: CellText.prepared(text).text)
            case .error(let code): try writer.formula(row, column, prepared.text, format, text: code)
            case .date(let iso): try writer.formula(row, column, prepared.text, format, number: Self.serial(iso) ?? 0)
            // No cached result (a writer that never calculated): an empty text result, not a made-up 0.
            case .empty: try writer.formula(row, column, prepared.text, format, text: "")
            }
            return prepared.shortened ? 1 : 0
        }
        switch cell.value {
        case .number(let number):
            try writer.number(row, column, number + shift, format)
        case .string(let text):
            let prepared = CellText.prepared(text)
            if let runs = sheet.richText[cell.address], runs.count > 1, !prepared.shortened {
                let pieces = runs.filter { !$0.text.isEmpty }.map { run in
                    (text: CellText.prepared(run.text).text, format: formats.font(run.font))
                }
                try writer.richString(row, column, pieces, format)
            } else if prepared.text.isEmpty {
                try writer.blank(row, column, format)
            } else {
                try writer.string(row, column, prepared.text, format)
            }
            return prepared.shortened ? 1 : 0
        case .boolean(let flag):
            try writer.boolean(row, column, flag, format)
        case .error(let code):
            // An error typed as a value: a formula of the error itself, with the error as its cached result.
            try writer.formula(row, column, "=" + code, format, text: code)
        case .date(let iso):
            if let serial = Self.serial(iso) { try writer.number(row, column, serial, format) } else {
                try writer.string(row, column, iso, format)
            }
        case .empty:
            try writer.blank(row, column, format)
        }
        return 0
    }

    // "2024-01-31" or "2024-01-31T12:30:00" as a 1900-system serial.
    static func serial(_ iso: String) -> Double? {
        let parts = iso.split(whereSeparator: { "-T:".contains($0) }).compactMap { Double($0) }
        guard parts.count >= 3 else { return nil }
        let seconds = parts.count >= 6 ? parts[3] * 3600 + parts[4] * 60 + parts[5] : 0
        return ExcelDate.serial(year: Int(parts[0]), month: Int(parts[1]), day: Int(parts[2]), secondsOfDay: seconds,
                                date1904: false)
    }
}
