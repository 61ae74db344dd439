import CermatKnowledge
import CermatPlanning
import CermatRecognition

/// The value columns of a document set as the subject index reads them, from the tables' headers alone: which document
/// states each column's values, for which year and basis.
///
/// Read before any row, it tells a check across documents whether the set can hold anything for it to find (two tables
/// to compare, two following years, a target after perubahan): the subject index reads every row of every table, and a
/// set where no check can find anything is not indexed at all.
public struct SetColumns: Sendable {
    /// A table the subject index reads, with the value columns its statements are read from.
    public struct Table: Sendable {
        /// The table, as its statements refer to it.
        public let source: SubjectIndex.Source
        /// Its value columns, in column order: a group's first column of each meaning (`SubjectIndex` statements).
        public let origins: [SubjectIndex.Origin]
    }

    /// The workbooks of the set.
    public let members: [Linter.Member]
    /// Every table the subject index reads (evaluations aside), in set order.
    public let tables: [Table]
    /// The bases (before or after perubahan) any value column of the set states its values for.
    public let bases: Set<DocumentClassification.Basis>
    /// The years any value column of the set states values for, by role (`target`, `realisasi`, …).
    public let years: [String: Set<Int>]

    /// Reads the headers of every table of the set.
    public init(members: [Linter.Member], knowledge: KnowledgeBase) {
        self.members = members
        tables = members.indices.flatMap { member in
            SubjectIndex.tables(of: members[member]).map { table in
                let source = SubjectIndex.Source(member: member, table: table, file: members[member].workbook.source)
                return Table(source: source, origins: Self.origins(of: source, knowledge.documents))
            }
        }
        let origins = tables.flatMap(\.origins)
        bases = Set(origins.compactMap(\.basis))
        years = Dictionary(grouping: origins, by: \.role).mapValues { Set($0.compactMap(\.year)) }
    }

    /// Whether the set has more than one table for the subject index to read: a check whose every finding names a place
    /// in another table has nothing to do without.
    public var hasTablesToCompare: Bool { tables.count > 1 }

    /// Whether a table of the set is a document of the kind (evaluations aside).
    public func contains(_ kind: DocumentKind) -> Bool {
        tables.contains { $0.source.document.kind == kind }
    }

    /// Whether a column of the set states a `later` value for the year after one a column states an `earlier` value for:
    /// without, no subject can compare a year with the one before.
    public func statesFollowingYears(_ earlier: String, then later: String) -> Bool {
        guard let before = years[earlier], let after = years[later] else { return false }
        return after.contains { before.contains($0 - 1) }
    }

    /// Whether one table states values of a role for one year in columns of two documents (`Target Renstra 2023 |
    /// Target Renja 2023`): the only values of one table that a check across documents compares with each other.
    public func quotesTwoDocuments(_ role: String) -> Bool {
        tables.contains { table in
            let stated = table.origins.filter { $0.role == role && $0.year != nil }
            return stated.indices.contains { first in
                stated[..<first].contains { $0.year == stated[first].year && $0.document != stated[first].document }
            }
        }
    }

    // The value columns of a table: only a group's first column of each meaning speaks for its indicator, as a later
    // one counts something else (the target group under "Sasaran PPKS - PSKS" beside "Kinerja"). A column naming the
    // document it quotes is a meaning of its own: "Target Renstra 2023" beside "Target Renja 2023" states the Renstra's
    // target.
    private static func origins(of source: SubjectIndex.Source, _ words: DocumentVocabulary) -> [SubjectIndex.Origin] {
        let table = source.table
        let groups = SubjectIndex.indicatorGroups(table)
        func group(of column: Int) -> Int { groups?.firstIndex { $0.members.contains(column) } ?? 0 }
        var seenMeanings: Set<String> = []
        return table.columns.compactMap { column -> SubjectIndex.Origin? in
            guard column.descriptor.isMeasured else { return nil }
            let quoted = words.kind(in: column.header.joined(separator: " "))?.kind
            guard seenMeanings.insert("\(group(of: column.index))|\(column.descriptor)|\(quoted?.rawValue ?? "")").inserted,
                  let reading = interpretation(column, source.document, words) else { return nil }
            return SubjectIndex.Origin(source: source, column: column, document: reading.document, year: reading.year,
                                       basis: reading.basis)
        }
    }

    // What a measured column states: which document, which year, which basis; `nil` for a column that speaks of another
    // body (national realisation) or of no single year (triwulan, cumulative).
    private static func interpretation(_ column: PlanningColumn, _ classification: DocumentClassification,
                                       _ words: DocumentVocabulary)
        -> (document: DocumentKind?, year: Int?, basis: DocumentClassification.Basis?)? {
        let header = column.header.joined(separator: " ")
        if words.isForeign(header) { return nil }
        let named = words.kind(in: header)?.kind
        var document = named == .evaluasi ? nil : named
        document = document ?? classification.kind
        var basis = words.basis(in: header)?.basis ?? classification.basis
        let headerYear = DocumentClassifier.years(in: header).last
        var year: Int?
        switch column.descriptor.period {
        case .some(let period) where Int(period) != nil:
            year = Int(period)
        case nil, "tahun":
            year = headerYear ?? classification.year
        case "sebelum", "sesudah":
            year = headerYear ?? classification.year
            basis = column.descriptor.period == "sebelum" ? .murni : .perubahan
        case "akhir-renstra":
            document = .renstra
            let explicit = ["akhir", "periode"].contains { TextKey.contains(TextKey.header(header), $0) }
            // A bare "Target Renstra" beside one year's targets is the Renstra's target for that year.
            year = headerYear ?? (explicit ? classification.period?.upperBound : classification.year)
        default:
            return nil
        }
        return (document, year, basis)
    }
}
