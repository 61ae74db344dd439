import CermatKnowledge
import CermatPlanning
import CermatWorkbook

/// Walks a table's data rows: repeated headers, continuation rows, footers, totals, levels, values, parents.
struct RowReader {
    let grid: SheetGrid
    let header: HeaderBlock
    let descriptors: [Int: ColumnDescriptor]
    let vocabulary: Vocabulary

    /// What the walk found.
    struct Result {
        var rows: [PlanningRow] = []
        var repeatedHeaderRows: [Int] = []
        var lastRow: Int
        var remarks: [String] = []
    }

    private func column(_ role: String) -> Int? {
        descriptors.filter { $0.value.role == role }.map(\.key).min()
    }

    /// Reads rows from below the header until the table ends (two blank rows, the start of another table, the sheet's end).
    func read(lastSheetRow: Int, isHeaderStart: (Int) -> Bool) -> Result {
        var result = Result(lastRow: header.lastRow)
        let firstHeaderTexts = rowTexts(header.rows.lowerBound)
        var row = header.lastRow + 1
        var blankRun = 0
        var numbered = 0
        while row <= lastSheetRow {
            let cells = grid.contentCells(row, in: header.columns)
            if cells.isEmpty {
                blankRun += 1
                if blankRun >= 2 { break }
                row += 1
                continue
            }
            // A header block repeated after a page break.
            if matches(rowTexts(row), firstHeaderTexts) {
                let height = header.lastRow - header.rows.lowerBound + 1
                result.repeatedHeaderRows += Array(row..<(row + height))
                row += height
                blankRun = 0
                continue
            }
            if blankRun > 0 && (isTitle(cells) || isHeaderStart(row)) { break }
            if isHeaderStart(row) && !hasMeasuredValue(row) { break }
            blankRun = 0
            var entry = readRow(row)
            let hasNumbering = entry.numbering != nil || entry.kode != nil
            if hasNumbering { numbered += 1 }
            // A row with no number, no kode and no value, carrying only text, continues the text of the row above it.
            if !hasNumbering, entry.values.values.allSatisfy({ $0.value.isEmpty }), let last = result.rows.indices.last,
               numbered * 5 >= result.rows.count * 4, result.rows[last].level != .footer, entry.level != .total,
               entry.level != .footer, isTextOnly(row) {
                result.rows[last].name = joined(result.rows[last].name, entry.name)
                result.rows[last].indicator = joined(result.rows[last].indicator, entry.indicator)
                result.rows[last].continuationRows.append(row)
                result.lastRow = row
                row += 1
                continue
            }
            entry.parent = nil
            result.rows.append(entry)
            result.lastRow = row
            row += 1
        }
        assignStyleLevels(&result.rows)
        assignParents(&result.rows)
        return result
    }

    // MARK: - One row

    private func readRow(_ row: Int) -> PlanningRow {
        let numbering = text(row, column("no"))
        let kodeText = text(row, column("kode"))
        let name = text(row, column("name")) ?? text(row, column("sasaran")) ?? text(row, column("tujuan"))
        var indicator = text(row, column("indicator"))
        if let raw = indicator, raw.hasPrefix("- ") || raw.hasPrefix("• ") { indicator = TextKey.trimmed(raw.dropFirst(2)) }
        var values: [Int: TypedValue] = [:]
        for (column, descriptor) in descriptors where descriptor.isMeasured {
            let address = CellAddress(row: row, column: column)
            values[column] = ValueParser.read(grid.cell(row, column), style: grid.style(row, column), at: address)
        }
        let label = [numbering, kodeText, name, indicator].compactMap { $0 }.first?.lowercased() ?? ""
        let labelCell = column("name") ?? column("kode") ?? column("no") ?? header.columns.lowerBound
        let font = grid.style(row, labelCell).font
        var level: RowLevel
        let labelKey = TextKey.header(label).trimmingCharacters(in: [":", ".", " "])
        if vocabulary.footerLabels.contains(where: { labelKey.hasPrefix($0) }) {
            level = .footer
        } else if vocabulary.totalLabels.contains(labelKey) {
            level = .total
        } else if let kodeText, let kode = Kode(kodeText), let fromKode = kode.level {
            level = fromKode
        } else if name == nil, kodeText == nil, numbering == nil, indicator != nil {
            level = .indicator
        } else {
            level = .other
        }
        let unit = text(row, column("unit")) ?? values.values.lazy.compactMap { value -> String? in
            if case .measured(_, let unit) = value.value { return unit }
            return nil
        }.first
        let polarity: Polarity = inverse(indicator ?? name) ? .lowerIsBetter : .higherIsBetter
        return PlanningRow(sheetRow: row, level: level, numbering: numbering, kode: kodeText.flatMap { Kode($0) != nil ? $0 : nil },
                           name: name, indicator: indicator, unit: unit, polarity: polarity, values: values,
                           bold: font.bold, italic: font.italic)
    }

    private func inverse(_ text: String?) -> Bool {
        guard let text else { return false }
        let key = TextKey.header(text)
        return vocabulary.inverseKeywords.contains { key.contains($0) }
    }

    // MARK: - Hierarchy without kode

    // Tables without kode mark programs in bold and kegiatan in italic (DOMAIN §2.0), or number them A/I/1.
    private func assignStyleLevels(_ rows: inout [PlanningRow]) {
        let open = rows.indices.filter { rows[$0].level == .other }
        guard !open.isEmpty else { return }
        defer {
            // Last, a row still without a level whose name says it is a program.
            for index in open where rows[index].level == .other {
                if let name = rows[index].name, TextKey.header(name).hasPrefix("program ") { rows[index].level = .program }
            }
        }
        // Numbering first (A. program, I. kegiatan, 1. sub-kegiatan), when the table uses letters and arabic numbers.
        let styles = NumberingStyle.sequence(open.map { rows[$0].numbering })
        if styles.contains(.letter) && styles.contains(.arabic) {
            for (index, style) in zip(open, styles) {
                switch style {
                case .letter: rows[index].level = .program
                case .roman: rows[index].level = .kegiatan
                case .arabic: rows[index].level = .subKegiatan
                case .none: break
                }
            }
            return
        }
        // Then fonts: bold program, italic (or bold italic beside plain bold) kegiatan, plain sub-kegiatan.
        let boldOnly = open.filter { rows[$0].bold && !rows[$0].italic }
        let italic = open.filter { rows[$0].italic }
        let plain = open.filter { !rows[$0].bold && !rows[$0].italic }
        let program = boldOnly.isEmpty ? open.filter { rows[$0].bold } : boldOnly
        guard !program.isEmpty, !plain.isEmpty else { return }
        for index in program { rows[index].level = .program }
        for index in italic where !program.contains(index) { rows[index].level = .kegiatan }
        for index in plain { rows[index].level = .subKegiatan }
    }

    private enum NumberingStyle {
        case letter, roman, arabic, none

        // "A", "B", "C" letters; "I", "II", "XIV" roman; "1", "12." arabic. A lone I, V or X is a letter when it follows
        // the letter before it in the alphabet (… G, H, I), else roman.
        static func sequence(_ numberings: [String?]) -> [NumberingStyle] {
            var lastLetter: Character?
            return numberings.map { text in
                guard let text else { return .none }
                let core = text.trimmingTrailingDots()
                if !core.isEmpty && core.allSatisfy(\.isNumber) { return .arabic }
                if core.count == 1, let char = core.first, char.isUppercase, char.isLetter {
                    let follows = lastLetter.flatMap { $0.asciiValue }.map { $0 + 1 == char.asciiValue } ?? (char == "A")
                    if !"IVX".contains(char) || follows {
                        lastLetter = char
                        return .letter
                    }
                }
                if !core.isEmpty, core.count <= 5, core.allSatisfy({ "IVXL".contains($0) }) { return .roman }
                return .none
            }
        }
    }

    // A row's parent: the row whose kode is its nearest ancestor; else the nearest row above with a higher level.
    private func assignParents(_ rows: inout [PlanningRow]) {
        var byKode: [String: Int] = [:]
        var stack: [Int] = []
        for index in rows.indices {
            let row = rows[index]
            if let kode = row.kode.flatMap(Kode.init) {
                rows[index].parent = kode.ancestors.lazy.compactMap { byKode[Kode($0)?.normalized ?? $0] }.first
                byKode[kode.normalized] = index
            }
            switch row.level {
            case .program, .kegiatan, .subKegiatan, .sasaran, .tujuan:
                while let top = stack.last, rows[top].level >= row.level { stack.removeLast() }
                if rows[index].parent == nil, let top = stack.last { rows[index].parent = top }
                stack.append(index)
            case .indicator:
                if let top = stack.last { rows[index].parent = top }
            case .total:
                stack.removeAll()
            case .other, .footer:
                break
            }
        }
    }

    // MARK: - Helpers

    private func text(_ row: Int, _ column: Int?) -> String? {
        guard let column else { return nil }
        let value = grid.ownText(row, column)
        return value.isEmpty ? nil : value
    }

    private func rowTexts(_ row: Int) -> [String] {
        header.columns.map { TextKey.header(grid.ownText(row, $0)) }
    }

    private func matches(_ texts: [String], _ header: [String]) -> Bool {
        let filled = header.indices.filter { !header[$0].isEmpty }
        guard filled.count >= 2 else { return false }
        let same = filled.filter { texts[$0] == header[$0] }.count
        return same * 10 >= filled.count * 8
    }

    private func isTitle(_ cells: [Cell]) -> Bool {
        guard cells.count <= 2, case .string(let text) = cells[0].value else { return false }
        let key = TextKey.header(text)
        return key.hasPrefix("tabel") || key.hasPrefix("table") || key.hasPrefix("lampiran")
    }

    private func hasMeasuredValue(_ row: Int) -> Bool {
        descriptors.contains { column, descriptor in
            descriptor.isMeasured && grid.isNumeric(row, column)
        }
    }

    private func isTextOnly(_ row: Int) -> Bool {
        let textRoles: Set<String> = ["name", "indicator", "unit", "sasaran", "tujuan", "keterangan", "formula", "text"]
        return grid.contentCells(row, in: header.columns).allSatisfy { cell in
            descriptors[cell.address.column].map { textRoles.contains($0.role) } ?? true
        }
    }

    private func joined(_ first: String?, _ second: String?) -> String? {
        guard let second else { return first }
        guard let first else { return second }
        return first + " " + second
    }
}

private extension String {
    func trimmingCharacters(in set: Set<Character>) -> String {
        var text = Substring(self)
        while let first = text.first, set.contains(first) { text = text.dropFirst() }
        while let last = text.last, set.contains(last) { text = text.dropLast() }
        return String(text)
    }

    func trimmingTrailingDots() -> String {
        var text = TextKey.trimmed(self)
        while text.hasSuffix(".") || text.hasSuffix(")") { text.removeLast() }
        return text
    }
}
