import CermatPlanning

/// COD01: a kode that does not follow the Permendagri 90/2019 grammar, and sub-kegiatan of one kegiatan numbered with
/// 2 and with 4 digits.
public struct KodeFormatRule: Rule {
    /// What the rule is.
    public static let info = RuleInfo(
        id: "kode-format", catalogue: ["COD01"],
        name: Message(id: "Format kode program/kegiatan", en: "Kode format"),
        severity: .warning,
        description: Message(
            id: "Kode program, kegiatan dan sub kegiatan mengikuti pola Permendagri 90/2019: urusan.bidang.program.kegiatan.sub kegiatan, mis. 1.06.01 (program), 1.06.01.2.06 (kegiatan), 1.06.01.2.06.02 atau 1.06.01.2.06.0002 (sub kegiatan). Dilaporkan: kode tanpa urusan/bidang di depannya (01.2.06.0010), urusan dengan angka nol di depan (01.06.07), bagian kode dengan jumlah digit yang salah, titik di akhir atau karakter lain. Sub kegiatan dari satu kegiatan yang ditulis sebagian 2 digit dan sebagian 4 digit dilaporkan sebagai info.",
            en: "Program, kegiatan and sub-kegiatan codes follow the Permendagri 90/2019 pattern urusan.bidang.program.kegiatan.sub-kegiatan, e.g. 1.06.01 (program), 1.06.01.2.06 (kegiatan), 1.06.01.2.06.02 or 1.06.01.2.06.0002 (sub-kegiatan). Reported: a code without its urusan/bidang in front (01.2.06.0010), an urusan with a leading zero (01.06.07), a segment with the wrong number of digits, a trailing dot or another character. Sub-kegiatan of one kegiatan written partly with 2 and partly with 4 digits are reported as info."),
        rationale: Message(
            id: "Kode adalah kunci yang menghubungkan Renstra, Renja, DPA dan LKjIP; kode yang salah tulis tidak cocok dengan baris yang sama di dokumen lain dan tidak dapat diperiksa induknya.",
            en: "The kode is the key linking Renstra, Renja, DPA and LKjIP; a mistyped code matches nothing in the other documents and its parent cannot be checked."),
        examples: [
            RuleExample("tanpa urusan/bidang dan program dengan nol di depan (Renja-P Kab. Blitar dan Kab. Kutai Kartanegara 2024)", [
                ["Kode", "Program/Kegiatan/Sub Kegiatan", "Pagu Indikatif"],
                ["1.06.01", "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", "75.000.000,00"],
                ["1.06.01.2.06", "Administrasi Umum Perangkat Daerah", "75.000.000,00"],
                ["!01.2.06.0010", "Penatausahaan Arsip Dinamis pada SKPD", "75.000.000,00"],
                ["!01.06.07", "Program Pengelolaan Taman Makam Pahlawan", "15.000.000,00"],
                ["1.06.07.2.01", "Pemeliharaan Taman Makam Pahlawan Nasional Kabupaten/Kota", "15.000.000,00"],
                ["!1.06.07.2.01.02.", "Pemeliharaan Taman Makam Pahlawan Nasional Kabupaten/Kota", "15.000.000,00"],
            ]),
            RuleExample("2 digit dan 4 digit dalam satu kegiatan: info", [
                ["Kode", "Program/Kegiatan/Sub Kegiatan", "Pagu Indikatif"],
                ["1.06.04.2.01", "Rehabilitasi Sosial Dasar Penyandang Disabilitas Terlantar", "33.647.025,00"],
                ["!1.06.04.2.01.0007", "Fasilitasi Pembuatan Nomor Induk Kependudukan, Akta Kelahiran, Surat Nikah dan Kartu identitas Anak", "3.555.000,00"],
                ["1.06.04.2.01.01", "Penyediaan Permakanan", "29.767.800,00"],
                ["1.06.04.2.01.02", "Penyediaan Sandang", "324.225,00"],
            ]),
            RuleExample("kode sesuai pola, termasuk 4 digit yang seragam", [
                ["Kode", "Program/Kegiatan/Sub Kegiatan", "Pagu Indikatif"],
                ["1.06.01", "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", "115.500.000,00"],
                ["1.06.01.2.06", "Administrasi Umum Perangkat Daerah", "115.500.000,00"],
                ["1.06.01.2.06.0002", "Penyediaan Peralatan dan Perlengkapan Kantor", "75.000.000,00"],
                ["1.06.01.2.06.0010", "Penatausahaan Arsip Dinamis pada SKPD", "40.500.000,00"],
            ]),
        ])

    /// The rule.
    public init() {}

    /// Reads the table's kode column, as other rules do.
    public static var readings: [any TableReading.Type] { [KodeReading.self] }

    /// Checks every printed kode of the table, then the digit widths of sub-kegiatan within each kegiatan.
    public func check(table: PlanningTable, in context: RuleContext) {
        let reading = KodeReading.of(table, in: context)
        // The entry of the last well-formed kode above: its urusan and bidang repair a kode that lacks them. Its kode is
        // read only then: reading every entry's kode waited on memory for each.
        var above: Int?
        for entry in reading.entries {
            if reading.normalized[entry] != nil { above = entry }
            guard let problem = reading.problems[entry], let text = reading.printed[entry], KodeReading.isAttempt(text),
                  let cell = reading.cell(entry) else { continue }
            let row = reading.row(entry)
            let prefix = above.flatMap { reading.normalized[$0] }
                .map { $0.split(separator: ".").prefix(2).joined(separator: ".") }
            let what = Self.what(row.level)
            let why = Self.explain(problem, text)
            var message = Message(id: "\(what.id) \"\(text)\" tidak sesuai pola kode Permendagri 90/2019: \(why.id)",
                                  en: "\(what.en) \"\(text)\" does not follow the Permendagri 90/2019 pattern: \(why.en)")
            if let repaired = Self.repair(problem, text, prefix: prefix) {
                message.id += "; seharusnya \(repaired)"
                message.en += "; it should read \(repaired)"
            }
            context.report(table, row: row, cell: cell, column: table.column(at: cell.column)?.descriptor, message: message)
        }
        mixedWidths(reading, context)
    }

    // Sub-kegiatan of one kegiatan numbered partly with 2 and partly with 4 digits (the 2023 nomenclature uses 4): the
    // minority is reported, as info, since both widths are valid on their own.
    private func mixedWidths(_ reading: KodeReading, _ context: RuleContext) {
        // How many sub-kegiatan of each kegiatan have 4 digits and how many 2, counted first: few kegiatan mix them, and
        // only their sub-kegiatan are listed. Counted run by run (a kegiatan's sub-kegiatan follow each other) and filed
        // by kegiatan once per run: a large table has hundreds of thousands of sub-kegiatan.
        var widths: [String: (wide: Int, narrow: Int)] = [:]
        var run: (kegiatan: String, wide: Int, narrow: Int)?
        func file() {
            guard let run else { return }
            widths[run.kegiatan, default: (0, 0)].wide += run.wide
            widths[run.kegiatan, default: (0, 0)].narrow += run.narrow
        }
        for entry in reading.entries {
            guard reading.levels[entry] == .subKegiatan, let kegiatan = reading.parents[entry],
                  let length = reading.normalized[entry]?.utf8.count else { continue }
            // The last segment's digits, from the lengths alone (a string keeps its length beside it): the kode's own
            // text waits on memory.
            let digits = length - kegiatan.utf8.count - 1
            guard digits == 4 || digits == 2 else { continue }
            if run?.kegiatan != kegiatan {
                file()
                run = (kegiatan, 0, 0)
            }
            if digits == 4 { run!.wide += 1 } else { run!.narrow += 1 }
        }
        file()
        let mixed = Set(widths.filter { $0.value.wide > 0 && $0.value.narrow > 0 }.keys)
        guard !mixed.isEmpty else { return }
        var byKegiatan: [String: [(entry: Int, kode: String)]] = [:]
        var order: [String] = []
        for entry in reading.entries {
            guard let kode = reading.normalized[entry], reading.levels[entry] == .subKegiatan, let kegiatan = reading.parents[entry],
                  mixed.contains(kegiatan) else { continue }
            if byKegiatan[kegiatan] == nil { order.append(kegiatan) }
            byKegiatan[kegiatan, default: []].append((entry, kode))
        }
        for kegiatan in order {
            let members = byKegiatan[kegiatan]!
            let wide = members.filter { Self.lastSegment($0.kode) == 4 }
            let narrow = members.filter { Self.lastSegment($0.kode) == 2 }
            guard !wide.isEmpty, !narrow.isEmpty else { continue }
            let minority = wide.count < narrow.count ? wide : narrow
            let majority = wide.count < narrow.count ? narrow : wide
            let examples = majority.prefix(3).map(\.kode).joined(separator: ", ")
            for member in minority {
                let digits = Self.lastSegment(member.kode)
                guard let cell = reading.cell(member.entry) else { continue }
                context.report(reading.table, row: reading.row(member.entry), cell: cell, column: reading.table.column(at: cell.column)?.descriptor,
                               message: Message(
                                id: "sub kegiatan \(member.kode) ditulis \(digits) digit, sedangkan sub kegiatan lain dari kegiatan \(kegiatan) ditulis \(6 - digits) digit (\(examples)); samakan penulisannya (nomenklatur Kepmendagri 900.1.15.5-1317/2023 memakai 4 digit)",
                                en: "sub-kegiatan \(member.kode) has \(digits) digits while the other sub-kegiatan of kegiatan \(kegiatan) have \(6 - digits) (\(examples)); write them alike (the Kepmendagri 900.1.15.5-1317/2023 nomenclature uses 4 digits)"),
                               severity: .info)
            }
        }
    }

    // The digits of a kode's last segment.
    private static func lastSegment(_ kode: String) -> Int {
        let bytes = kode.utf8
        return bytes.distance(from: bytes.lastIndex(of: UInt8(ascii: ".")).map(bytes.index(after:)) ?? bytes.startIndex,
                              to: bytes.endIndex)
    }

    static func what(_ level: RowLevel) -> (id: String, en: String) {
        switch level {
        case .program: return ("kode program", "the program code")
        case .kegiatan: return ("kode kegiatan", "the kegiatan code")
        case .subKegiatan: return ("kode sub kegiatan", "the sub-kegiatan code")
        default: return ("kode", "the code")
        }
    }

    static func explain(_ problem: KodeReading.Problem, _ text: String) -> (id: String, en: String) {
        let segmentNames = [("urusan", "urusan"), ("bidang", "bidang"), ("program", "program"), ("penanda kegiatan", "kegiatan marker"),
                            ("kegiatan", "kegiatan"), ("sub kegiatan", "sub-kegiatan")]
        switch problem {
        case .strayCharacter(let character):
            let shown = character == " " ? ("spasi", "a space") : ("\"\(character)\"", "\"\(character)\"")
            return ("ada \(shown.0) di dalam kode; kode hanya berisi angka dan titik", "it contains \(shown.1); a code holds digits and dots only")
        case .trailingDot:
            return ("ada titik di akhir kode", "it ends with a dot")
        case .doubleDot:
            return ("ada dua titik berurutan", "it has two dots in a row")
        case .missingPrefix:
            return ("kode urusan dan bidang (mis. 1.06) tidak tertulis di depannya", "the urusan and bidang (e.g. 1.06) are missing in front")
        case .leadingZero:
            return ("kode urusan diawali angka nol (kode urusan hanya satu digit)", "the urusan has a leading zero (the urusan is a single digit)")
        case .segmentWidth(let index, let widths):
            let segment = text.split(separator: ".", omittingEmptySubsequences: false)[index]
            let name = segmentNames[min(index, segmentNames.count - 1)]
            let digits = widths.map(String.init)
            return ("bagian \(name.0) \"\(segment)\" seharusnya \(digits.joined(separator: " atau ")) digit",
                    "the \(name.1) segment \"\(segment)\" should have \(digits.joined(separator: " or ")) digit\(widths == [1] ? "" : "s")")
        case .kegiatanMarker:
            let marker = text.split(separator: ".")[3]
            return ("angka ke-4 kode kegiatan adalah \(marker), padahal harus 1 (provinsi) atau 2 (kabupaten/kota)",
                    "the 4th number of a kegiatan code is \(marker), but must be 1 (provinsi) or 2 (kabupaten/kota)")
        case .segmentCount:
            return ("jumlah bagian kode tidak sesuai (program 3 bagian, kegiatan 5, sub kegiatan 6)",
                    "it has the wrong number of segments (program 3, kegiatan 5, sub-kegiatan 6)")
        }
    }

    // The code with its defect mended, when the mending is certain and gives a valid code.
    static func repair(_ problem: KodeReading.Problem, _ text: String, prefix: String?) -> String? {
        var candidate: String
        switch problem {
        case .trailingDot: candidate = String(text.dropLast())
        case .doubleDot: candidate = text.replacingOccurrences(of: "..", with: ".")
        case .strayCharacter(let character) where character == " " || character == ",":
            candidate = text.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: ",", with: ".")
        case .missingPrefix:
            guard let prefix else { return nil }
            candidate = prefix + "." + text
        case .leadingZero:
            guard let kode = Kode(text) else { return nil }
            candidate = kode.normalized
        default: return nil
        }
        return KodeReading.problem(candidate) == nil ? candidate : nil
    }
}
