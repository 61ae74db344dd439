import CermatKnowledge
import CermatPlanning
import CermatWorkbook

/// XT05: yearly targets of a rate indicator that move against its polarity (a higher-is-better indicator's targets
/// falling from one year to the next), and a realisation that declined from one year to the next across the set.
public struct TrendPolarityRule: Rule {
    /// What the rule is.
    public static let info = RuleInfo(
        id: "trend-against-polarity", catalogue: ["XT05"],
        name: Message(id: "Arah target/realisasi berlawanan polaritas", en: "Trend against polarity"),
        severity: .warning,
        description: Message(
            id: "Target tahunan satu indikator (deret tahun di satu baris: matriks Renstra, \"Target Renstra 2023 … 2026\") tidak boleh turun dari satu tahun ke tahun berikutnya bila indikatornya semakin besar semakin baik, atau naik bila semakin kecil semakin baik. Realisasi indikator yang sama di tabel mana pun dari set dokumen tidak boleh turun dari tahun N−1 ke tahun N (naik, untuk indikator negatif); temuan hanya bila realisasi tahun N di bawah setiap realisasi tahun N−1 yang tercatat. Deret yang datar tidak apa-apa. Hanya indikator tingkat (persentase, indeks, nilai, rasio): target jumlah keluaran mengikuti anggaran dan boleh turun. Indikator yang targetnya turun setiap tahun tanpa kata layanan atau perubahan dibaca sebagai indikator negatif (seperti inverse-indicator), bukan sebagai temuan. Nilai daftar tidak dibandingkan.",
            en: "An indicator's yearly targets (a series of years on one row: a Renstra matrix, \"Target Renstra 2023 … 2026\") must not fall from one year to the next when the indicator is better when higher, nor rise when it is better when lower. The same indicator's realisation, in any table of the document set, must not decline from year N−1 to year N (rise, for an inverse indicator); a finding only when the year-N realisation is below every recorded year N−1 realisation. A flat series is fine. Only rate indicators (percentage, index, score, ratio): a target counting outputs follows the budget and may fall. An indicator whose targets fall every year and that names no service or change is read as inverse (as inverse-indicator does), not reported. List values are not compared."),
        rationale: Message(
            id: "LHE AKIP 2023 (evaluasi internal): \"masih ada beberapa capaian sasaran strategis/program/kegiatan yang mengalami penurunan dari tahun sebelumnya, sebagai contoh Persentase PPKS yang memperoleh bantuan sosial … menurun dari 90% di tahun 2021 menjadi 80% di tahun 2022\". Matriks Renstra 2021-2026 yang sama menurunkan target keempat indikator program yang semakin besar semakin baik (PSKS 85 → 80 → 75 → 75 → 65 → 60): rencana yang menargetkan kemunduran.",
            en: "LHE AKIP 2023 (internal evaluation): \"several sasaran/program/kegiatan results declined from the year before, e.g. the share of PPKS receiving social assistance … fell from 90% in 2021 to 80% in 2022\". The same office's Renstra 2021-2026 matrix lowers the targets of all four higher-is-better program indicators (PSKS 85 → 80 → 75 → 75 → 65 → 60): a plan that targets decline."),
        parameters: [.similarity],
        examples: [
            RuleExample("target Renstra indikator positif turun dari 2021 ke 2022 (dan lagi 2024 ke 2025)", [
                ["Program", "Indikator Kinerja Program", "Satuan", "2021", "2022", "2023", "2024", "2025"],
                ["Program Pemberdayaan Sosial", "Persentase PSKS yang mendapatkan pembinaan dan aktif", "%", "85", "!80", "80", "80", "65"],
            ]),
            RuleExample("realisasi 2023 di bawah realisasi 2022 di dokumen lain", sheets: [
                RuleExample.Sheet("Tabel 3.5", [
                    ["Sasaran Strategis", "Indikator Kinerja", "Target", "Realisasi 2022"],
                    ["Meningkatnya pemberdayaan PSKS", "Persentase PSKS yang mendapatkan pembinaan dan aktif", "75%", "80%"],
                ]),
                RuleExample.Sheet("LKjIP 2023", [
                    ["Sasaran", "Indikator Kinerja", "Target", "Realisasi", "% Capaian"],
                    ["Meningkatnya pemberdayaan PSKS", "Persentase PSKS yang mendapatkan pembinaan dan aktif", "75%", "!75%", "100%"],
                ]),
            ]),
            RuleExample("deret datar atau naik; indikator negatif yang targetnya turun; jumlah keluaran yang turun", [
                ["Program", "Indikator Kinerja Program", "Satuan", "2021", "2022", "2023", "2024"],
                ["Program Rehabilitasi Sosial", "Persentase PPKS penerima manfaat rehabilitasi sosial", "%", "60", "60", "65", "70"],
                ["Program Perlindungan Sosial", "Persentase PMKS", "%", "11,5", "11,2", "10,8", "10,8"],
                ["Program Penanganan Bencana", "Jumlah Tagana yang dibina", "Orang", "50", "44", "50", "50"],
            ]),
        ])

    /// The rule.
    public init() {}

    /// Reads the indicators, in a set stating realisations of two following years.
    public static func indexUse(in columns: SetColumns) -> IndexUse {
        columns.statesFollowingYears("realisasi", then: "realisasi") ? .indicators : .none
    }

    /// Checks the target series of each row, then each indicator's realisations year on year.
    public func check(set members: [Linter.Member], in context: SetContext) {
        let reading = AcrossReading(context)
        for table in context.columns.tables { targets(table.source, reading, context) }
        realisations(reading, context)
    }

    // MARK: Targets

    private struct Point {
        var statement: SubjectIndex.Statement
        var number: Double
        // Only yearly columns make points, and their origin carries the year.
        var year: Int { statement.year! }
    }

    private func targets(_ source: SubjectIndex.Source, _ reading: AcrossReading, _ context: SetContext) {
        let table = source.table
        let yearly = table.columns(role: "target").filter { column in
            column.descriptor.period.map { $0.count == 4 && Int($0) != nil } ?? false
        }
        guard yearly.count >= 2 else { return }
        let origins = yearly.map { column in
            SubjectIndex.Origin(source: source, column: column, document: table.classification?.kind,
                                year: Int(column.descriptor.period!), basis: nil)
        }
        for row in table.rows where row.isData && row.level != .total {
            let rowPlace = source.place(row, column: yearly[0].index)
            // A row may hold two indicators (tujuan and sasaran, old and new nomenclature): one series per indicator.
            var series: [(indicator: String, points: [Point])] = []
            for (column, origin) in zip(yearly, origins) {
                // A single number: a list's elements may be regrouped from year to year.
                guard let value = row.values[column.index], let number = value.value.number else { continue }
                let indicator = reading.indicator(rowPlace, column: column.index)
                guard !TextKey.trimmed(indicator).isEmpty else { continue }
                let point = Point(statement: SubjectIndex.Statement(row: row, origin: origin), number: number)
                if let at = series.firstIndex(where: { AcrossReading.same($0.indicator, indicator) }) {
                    series[at].points.append(point)
                } else {
                    series.append((indicator, [point]))
                }
            }
            for (indicator, points) in series where points.count >= 2 {
                check(indicator, points.sorted { $0.year < $1.year }, reading, context)
            }
        }
    }

    private func check(_ indicator: String, _ points: [Point], _ reading: AcrossReading, _ context: SetContext) {
        // One unit for the whole series: a row whose unit changes with the nomenclature counts two things.
        let units = Set(points.map { reading.unit($0.statement.place, column: $0.statement.column.index).map { TextKey.header($0.text) } ?? "" })
        guard units.count == 1 else { return }
        let unit = points[0].statement.place
        guard reading.isRate(indicator, unit: reading.unit(unit, column: points[0].statement.column.index)?.text,
                             value: points[0].statement.value) else { return }
        let name = SubjectIndex.strip(indicator)
        var lower = reading.vocabulary.polarity(ofIndicator: TextKey.header(name)) == .lowerIsBetter
        let falling = zip(points, points.dropFirst()).allSatisfy { $1.number < $0.number }
        // Targets falling every year with no word of service or change: inverse-indicator reads the indicator as
        // inverse, and so does this rule.
        if !lower, !reading.positive(name), points.count >= 3, falling { lower = true }
        let against = zip(points, points.dropFirst()).filter { before, after in
            after.year == before.year + 1 && (lower ? after.number > before.number + 1e-9 : after.number < before.number - 1e-9)
        }
        guard let (before, after) = against.first else { return }
        let trail = points.map { "\($0.statement.shown(.id)) (\($0.year))" }.joined(separator: " → ")
        let trailEn = points.map { "\($0.statement.shown(.en)) (\($0.year))" }.joined(separator: " → ")
        let more = against.dropFirst().map { "\($0.0.year) → \($0.1.year)" }
        let moreId = more.isEmpty ? "" : "; juga \(more.joined(separator: ", "))"
        let moreEn = more.isEmpty ? "" : "; also \(more.joined(separator: ", "))"
        let source = after.statement.document?.name ?? "?"
        context.report(at: after.statement.place, column: after.statement.column.descriptor,
                       message: lower
                        ? Message(id: "target \(source) \"\(name)\" naik dari \(before.statement.shown(.id)) (\(before.year), \(before.statement.place.cell.a1)) ke \(after.statement.shown(.id)) (\(after.year)) padahal indikator ini semakin kecil semakin baik\(moreId); deret target: \(trail)",
                                  en: "the \(source) target of \"\(name)\" rises from \(before.statement.shown(.en)) (\(before.year), \(before.statement.place.cell.a1)) to \(after.statement.shown(.en)) (\(after.year)) though the indicator is better when lower\(moreEn); targets: \(trailEn)")
                        : Message(id: "target \(source) \"\(name)\" turun dari \(before.statement.shown(.id)) (\(before.year), \(before.statement.place.cell.a1)) ke \(after.statement.shown(.id)) (\(after.year)) padahal indikator ini semakin besar semakin baik\(moreId); deret target: \(trail)",
                                  en: "the \(source) target of \"\(name)\" falls from \(before.statement.shown(.en)) (\(before.year), \(before.statement.place.cell.a1)) to \(after.statement.shown(.en)) (\(after.year)) though the indicator is better when higher\(moreEn); targets: \(trailEn)"),
                       expected: before.number, actual: after.number,
                       related: [before.statement.place] + against.dropFirst().flatMap { [$0.0.statement.place, $0.1.statement.place] })
    }

    // MARK: Realisations

    private func realisations(_ reading: AcrossReading, _ context: SetContext) {
        guard context.readsIndex else { return }
        let index = context.index
        for subject in index.subjects.indices {
            let items = index.indicators(of: subject)
            guard let first = items.first else { continue }
            // Two years of realisation before anything else: whether a value speaks for the indicator reads its text.
            let stated = SubjectIndex.years(items.lazy.flatMap(\.statements)
                .filter { $0.role == "realisasi" && $0.number != nil })
            guard stated.count >= 2 else { continue }
            let realised = SubjectIndex.distinct(items.flatMap { item in
                item.statements.filter { $0.role == "realisasi" && $0.year != nil && $0.number != nil
                    && reading.speaks($0, for: item) }
            })
            let years = Set(realised.compactMap(\.year))
            guard years.count >= 2 else { continue }
            // Every table must read the indicator the same way round; a subject read both ways is left alone.
            let directions = Set(items.map(reading.lower))
            guard directions.count == 1, let lower = directions.first else { continue }
            guard realised.contains(where: {
                reading.isRate(first.text, unit: reading.unit($0.place, column: $0.column.index)?.text, value: $0.value)
            }) else { continue }
            let name = index.name(of: subject)
            for year in years.sorted() where years.contains(year - 1) {
                let prior = realised.filter { $0.year == year - 1 }
                let values = prior.map { $0.number! }
                // The closest of last year's values: the finding holds against every one of them.
                guard let nearest = lower ? prior.max(by: { $0.number! < $1.number! })
                                          : prior.min(by: { $0.number! < $1.number! }) else { continue }
                var reported: [Double] = []
                for statement in realised where statement.year == year {
                    let value = statement.number!
                    let declined = lower ? values.allSatisfy { value > $0 + 1e-9 } : values.allSatisfy { value < $0 - 1e-9 }
                    guard declined, !reported.contains(where: { abs($0 - value) <= 1e-9 }) else { continue }
                    reported.append(value)
                    let same = realised.filter { $0.year == year && $0.place.cell != statement.place.cell
                        && abs($0.number! - value) <= 1e-9 }
                    let also = statement.alsoSaid(by: same.count)
                    context.report(at: statement.place, column: statement.column.descriptor,
                                   message: lower
                                    ? Message(id: "realisasi \(year) \"\(name)\" \(statement.cited(.id)) naik dari realisasi \(year - 1) \(nearest.cited(.id)) padahal indikator ini semakin kecil semakin baik: kinerja memburuk\(also.id)",
                                              en: "the \(year) realisation of \"\(name)\" \(statement.cited(.en)) rose from the \(year - 1) realisation \(nearest.cited(.en)) though the indicator is better when lower: performance worsened\(also.en)")
                                    : Message(id: "realisasi \(year) \"\(name)\" \(statement.cited(.id)) turun dari realisasi \(year - 1) \(nearest.cited(.id)): kinerja menurun dari tahun sebelumnya\(also.id)",
                                              en: "the \(year) realisation of \"\(name)\" \(statement.cited(.en)) fell from the \(year - 1) realisation \(nearest.cited(.en)): performance declined from the year before\(also.en)"),
                                   expected: nearest.number, actual: value,
                                   related: [nearest.place] + prior.filter { $0.place.cell != nearest.place.cell || $0.place.member != nearest.place.member }.map(\.place)
                                    + same.map(\.place))
                }
            }
        }
    }
}
