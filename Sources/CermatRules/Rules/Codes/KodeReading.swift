import CermatPlanning
import CermatWorkbook

/// How the kode rules read a table's kode column: the text as printed (recognition keeps only kode it can parse), the
/// Permendagri 90/2019 grammar `U.BB.PP.K.KK.SS` generalised over urusan and bidang (DOMAIN §2.0), and the kode a row
/// stands for once a missing prefix or a leading zero is repaired. Read once per table and shared by every kode rule
/// (`TableReadings`), so that they read a kode alike and only once.
final class KodeReading: TableReading {
    /// Why a printed kode does not fit the grammar.
    enum Problem: Equatable, Sendable {
        /// A character other than digits and dots (a space, a comma, a letter).
        case strayCharacter(Character)
        /// A dot at the end (`1.06.01.`).
        case trailingDot
        /// Two dots in a row (`1.06..01`).
        case doubleDot
        /// The urusan and bidang are missing in front (`01.2.06.0010`): the code starts at the program.
        case missingPrefix
        /// The urusan carries a leading zero (`01.06.07`).
        case leadingZero
        /// A segment has the wrong number of digits (`1.6.01`, `1.06.1`); `index` counts from zero, `widths` are allowed.
        case segmentWidth(index: Int, widths: [Int])
        /// The fourth segment of a kegiatan, which says who carries it out, is not 1 (provinsi) or 2 (kabupaten/kota).
        case kegiatanMarker
        /// More segments than a sub-kegiatan has, or a kegiatan cut short (`1.06.01.2`).
        case segmentCount
    }

    /// The table the kode belong to.
    let table: PlanningTable
    /// The zero-based sheet column of the kode, if the table has one.
    let column: Int?
    // The entries are the rows that can carry a kode (data rows other than totals and footers), top to bottom; none
    // without a kode column. Each is read column by column, in arrays by entry: the kode rules go through every entry of
    // a 200 000-row table, and visiting the rows themselves (or an object per entry) for a level or a kode cost each
    // rule tens of milliseconds of memory traffic. A rule visits a row only to report it.
    /// Each entry's index in `table.rows`.
    let rowIndices: [Int]
    /// Each entry's row level.
    let rowLevels: [RowLevel]
    /// Each entry's kode as printed in its kode cell, trimmed; `nil` when the cell is empty or holds a lone dash.
    let printed: [String?]
    /// What is wrong with each printed kode, `nil` when it fits the grammar (or nothing is printed).
    let problems: [Problem?]
    /// The kode each entry stands for, normalised for matching (`01.06.07` → `1.06.07`), when it fits the grammar or
    /// only lacks a leading zero's removal; `nil` for an unreadable kode or one missing its prefix.
    let normalized: [String?]
    /// The level each normalised kode denotes by its number of segments.
    let levels: [RowLevel?]
    /// The normalised kode of the row one level up: `1.06.01.2.06.02` → `1.06.01.2.06`, `1.06.01.2.06` → `1.06.01`.
    let parents: [String?]
    /// Whether the printed kode (normalised, when they parse) strictly ascend from entry to entry, so that none repeats:
    /// found while each kode is read here, since going through them again waits on memory for every one.
    let ascending: Bool

    /// The table's kode, read afresh.
    init(reading table: PlanningTable, in context: RuleContext) {
        self.table = table
        let column = table.columns(role: "kode").first?.index
        self.column = column
        var rowIndices: [Int] = [], rowLevels: [RowLevel] = [], printed: [String?] = [], problems: [Problem?] = []
        var normalized: [String?] = [], levels: [RowLevel?] = [], parents: [String?] = []
        var ascending = true, previous: String?
        if let column {
            let sheet = context.sheet(of: table)
            // Sized for every row up front: grown row by row, each array was copied at every doubling.
            let count = table.rows.count
            rowIndices.reserveCapacity(count)
            rowLevels.reserveCapacity(count)
            printed.reserveCapacity(count)
            problems.reserveCapacity(count)
            normalized.reserveCapacity(count)
            levels.reserveCapacity(count)
            parents.reserveCapacity(count)
            for (index, row) in table.rows.enumerated() where row.level != .total && row.level != .footer {
                // Recognition kept the kode it parsed from this cell, as printed: only other cells are read again.
                let text = row.kode ?? sheet.value(row: row.sheetRow, column: column).flatMap(Self.printed)
                assert(text == sheet.value(row: row.sheetRow, column: column).flatMap(Self.printed),
                       "the row's kode is its cell's")
                let problem = text.flatMap(Self.problem)
                rowIndices.append(index)
                rowLevels.append(row.level)
                printed.append(text)
                problems.append(problem)
                // Recognition kept the row's kode parsed when it printed it the same way.
                guard let text, problem == nil || problem == .leadingZero,
                      let kode = text == row.kode ? row.normalizedKode : Kode(text)?.normalized else {
                    if let text {
                        ascending = ascending && previous.map { $0 < text } ?? true
                        previous = text
                    }
                    normalized.append(nil)
                    levels.append(nil)
                    parents.append(nil)
                    continue
                }
                ascending = ascending && previous.map { $0 < kode } ?? true
                previous = kode
                normalized.append(kode)
                let (segments, parent) = Kode.segmentsAndParent(ofNormalized: kode)
                levels.append(Self.level(segments: segments))
                parents.append(parent)
            }
        }
        (self.rowIndices, self.rowLevels, self.printed, self.problems) = (rowIndices, rowLevels, printed, problems)
        (self.normalized, self.levels, self.parents, self.ascending) = (normalized, levels, parents, ascending)
    }

    /// The entries, by index into the arrays above.
    var entries: Range<Int> { rowIndices.indices }

    /// An entry's row.
    func row(_ entry: Int) -> PlanningRow {
        table.rows[rowIndices[entry]]
    }

    /// An entry's kode cell.
    func cell(_ entry: Int) -> CellAddress? {
        column.map { CellAddress(row: row(entry).sheetRow, column: $0) }
    }

    /// An entry's normalised kode when it denotes the level of the row that prints it.
    func fitting(_ entry: Int) -> String? {
        fits(entry) ? normalized[entry] : nil
    }

    /// Whether an entry has a kode that denotes the level of the row that prints it (`fitting`), told without reading
    /// the kode: the kode rules ask it of every entry.
    func fits(_ entry: Int) -> Bool {
        levels[entry] == rowLevels[entry]
    }

    private static func printed(_ value: CellValue) -> String? {
        let text: String
        switch value {
        case .string(let string): text = TextKey.trimmed(string)
        case .number(let number): text = number == number.rounded() ? String(Int64(number)) : String(number)
        default: return nil
        }
        // A lone dash is at most three bytes: a kode is longer, and is not compared with the dashes.
        return text.isEmpty || (text.utf8.count <= 3 && ["-", "–", "—"].contains(text)) ? nil : text
    }

    /// Whether printed text is meant as a kode: it starts with a digit, holds a dot, and has nothing but digits,
    /// separators and spaces (a name or a numbering such as `1.` is not a kode).
    static func isAttempt(_ text: String) -> Bool {
        // Bytes: every row of every table passes here, and a kode is ASCII.
        let bytes = text.utf8
        guard let first = bytes.first, isDigit(first), bytes.contains(UInt8(ascii: ".")) else { return false }
        if bytes.count <= 4, bytes.last == UInt8(ascii: "."), bytes.dropLast().allSatisfy(isDigit) { return false }
        return bytes.allSatisfy { isDigit($0) || separators.contains($0) }
    }

    private static let separators = Array(".,; Xx".utf8)

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// What is wrong with a printed kode, or `nil` when it fits the grammar.
    static func problem(_ text: String) -> Problem? {
        if isWellFormed(text) { return nil }
        if !text.utf8.allSatisfy({ isDigit($0) || $0 == UInt8(ascii: ".") }),
           let stray = text.first(where: { !($0.isASCII && $0.isNumber) && $0 != "." && $0 != "X" && $0 != "x" }) {
            return .strayCharacter(stray)
        }
        // From here the text is ASCII (digits, dots, X). Every row of every table passes here: the segments are read in
        // one pass over the bytes, each segment's length and first byte kept (the first eight; a kode has six at most).
        let bytes = text.utf8
        if bytes.last == UInt8(ascii: ".") || bytes.isEmpty { return .trailingDot }
        var lengths = SIMD8<UInt8>(), firsts = SIMD8<UInt8>()
        var count = 1, urusanDigits = true, previous: UInt8 = UInt8(ascii: ".")
        for byte in bytes {
            defer { previous = byte }
            if byte == UInt8(ascii: ".") {
                if previous == UInt8(ascii: ".") { return .doubleDot }
                count += 1
                continue
            }
            guard count <= 8 else { continue }
            if lengths[count - 1] == 0 { firsts[count - 1] = byte }
            lengths[count - 1] = min(lengths[count - 1], 254) + 1
            if count == 1, lengths[0] > 1, !isDigit(byte) { urusanDigits = false }
        }
        func isOne(_ segment: Int, of digits: String) -> Bool {
            lengths[segment] == 1 && digits.utf8.contains(firsts[segment])
        }
        // `PP.K.KK[.SS]`: a kegiatan marker in second place means the urusan and bidang were left out.
        if count >= 3, count <= 4, lengths[0] == 2, isOne(1, of: "12") {
            return .missingPrefix
        }
        guard count <= 6, count != 4 else { return .segmentCount }
        if lengths[0] > 1, firsts[0] == UInt8(ascii: "0"), urusanDigits { return .leadingZero }
        for index in 0..<count where !widths[index].contains(Int(lengths[index])) {
            return .segmentWidth(index: index, widths: widths[index])
        }
        if count >= 5, !isOne(3, of: "12") { return .kegiatanMarker }
        return nil
    }

    // Whether a kode is a program, kegiatan or sub-kegiatan written exactly by the grammar (`1.06.01`, `1.06.01.2.06`,
    // `1.06.01.2.06.0001`): nearly every kode is, and is then known sound from the places of its dots alone.
    private static func isWellFormed(_ text: String) -> Bool {
        guard [7, 12, 15, 17].contains(text.utf8.count) else { return false }
        var text = text
        return text.withUTF8 { bytes in
            for offset in bytes.indices {
                let byte = bytes[offset]
                let dot = offset == 1 || offset == 4 || offset == 7 || offset == 9 || offset == 12
                guard dot ? byte == UInt8(ascii: ".") : isDigit(byte) else { return false }
                // The kegiatan marker: 1 (provinsi) or 2 (kabupaten/kota).
                if offset == 8, byte != UInt8(ascii: "1"), byte != UInt8(ascii: "2") { return false }
            }
            return true
        }
    }

    // The digits each segment may have: `U.BB.PP.K.KK.SS`, a sub-kegiatan of 2 or (since 2023) 4.
    private static let widths = [[1], [2], [2], [1], [2], [2, 4]]

    // By the count alone, unlike `Kode.level`: a kode that only lacks a leading zero's removal is not checked further.
    private static func level(segments: Int) -> RowLevel? {
        switch segments {
        case 3: return .program
        case 5: return .kegiatan
        case 6: return .subKegiatan
        default: return nil
        }
    }
}
