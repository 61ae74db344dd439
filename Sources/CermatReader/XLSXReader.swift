import CermatWorkbook
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads an XLSX workbook into the workbook model, enforcing `ReadLimits` and refusing hostile or damaged files cleanly.
public struct XLSXReader: Sendable {
    /// The limits every read enforces.
    public var limits: ReadLimits

    /// How large worksheets are read: parts declaring at least `threshold` bytes are inflated and parsed at once, in
    /// blocks of `block` bytes (`WorksheetStream`); lowered only by the tests, to send small sheets down that path.
    var streaming = (threshold: 8 << 20, block: 4 << 20)

    /// A reader with the given limits.
    public init(limits: ReadLimits = ReadLimits()) {
        self.limits = limits
    }

    /// Reads the workbook at `path`; messages and the model name it `name` (default: the path).
    public func read(path: String, name: String? = nil) throws(ReaderError) -> Workbook {
        try readMeasured(path: path, name: name).workbook
    }

    /// Reads a workbook held in memory (an upload) and names it `name`.
    public func read(bytes: [UInt8], name: String) throws(ReaderError) -> Workbook {
        let file = name
        do {
            try XLSXReader.sniff(Array(bytes.prefix(8)), size: bytes.count)
            let archive = try ZipArchive(bytes: bytes, limits: limits)
            var loader = PackageLoader(archive: archive, limits: limits, source: name, streaming: streaming)
            return try loader.load()
        } catch {
            throw XLSXReader.named(error, file)
        }
    }

    /// Reads the workbook at `path` and reports how long each part took.
    public func readMeasured(path: String, name: String? = nil) throws(ReaderError) -> (workbook: Workbook, statistics: ReadStatistics) {
        let file = name ?? path
        do {
            let (head, size) = try XLSXReader.head(of: path)
            try XLSXReader.sniff(head, size: size)
            let archive = try ZipArchive(path: path, limits: limits)
            var loader = PackageLoader(archive: archive, limits: limits, source: file, streaming: streaming)
            let workbook = try loader.load()
            return (workbook, loader.statistics)
        } catch {
            throw XLSXReader.named(error, file)
        }
    }

    private static func named(_ error: ReaderError, _ file: String) -> ReaderError {
        var error = error
        error.file = file
        return error
    }

    private static func head(of path: String) throws(ReaderError) -> ([UInt8], Int) {
        guard let file = fopen(path, "rb") else {
            throw ReaderError(.cannotOpen(String(cString: strerror(errno))))
        }
        defer { fclose(file) }
        var head = [UInt8](repeating: 0, count: 8)
        let got = fread(&head, 1, 8, file)
        var info = stat()
        if fstat(fileno(file), &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            throw ReaderError(.cannotOpen("it is a folder"))
        }
        return (Array(head.prefix(got)), Int(info.st_size))
    }

    // Recognises the usual wrong inputs by their first bytes, before libzip sees them.
    private static func sniff(_ head: [UInt8], size: Int) throws(ReaderError) {
        if size == 0 || head.isEmpty { throw ReaderError(.emptyFile) }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { throw ReaderError(.ole2File) }
        guard head.starts(with: [0x50, 0x4B]) else { throw ReaderError(.notZip) }
    }
}

/// The walk from the package root to every part of the workbook, in the order OPC defines it.
private struct PackageLoader {
    let archive: ZipArchive
    let limits: ReadLimits
    let source: String
    let streaming: (threshold: Int, block: Int)
    var statistics = ReadStatistics()
    private var features: Set<UnsupportedContent> = []
    private var contentTypes = ContentTypes()

    init(archive: ZipArchive, limits: ReadLimits, source: String, streaming: (threshold: Int, block: Int)) {
        self.archive = archive
        self.limits = limits
        self.source = source
        self.streaming = streaming
    }

    mutating func load() throws(ReaderError) -> Workbook {
        guard archive.contains("[Content_Types].xml") else {
            if archive.contains("mimetype") && archive.contains("content.xml") {
                throw ReaderError(.unsupportedPackage("this is an OpenDocument spreadsheet (.ods), not XLSX; save it as .xlsx and try again"))
            }
            throw ReaderError(.missingPart("[Content_Types].xml (not an Office Open XML package)"))
        }
        contentTypes = try parse("[Content_Types].xml") { (bytes, part, depth) throws(ReaderError) in
            try ContentTypes.parse(bytes, part: part, maxDepth: depth)
        }
        let rootRelationships = try relationships(of: "")
        guard let office = rootRelationships.first(where: { $0.isKind("officeDocument") }), let workbookName = office.target else {
            throw ReaderError(.missingPart("workbook (no officeDocument relationship in _rels/.rels)"), part: "_rels/.rels")
        }
        try checkWorkbookType(workbookName)
        let workbookPart = try parse(workbookName) { (bytes, part, depth) throws(ReaderError) in
            try WorkbookPart.parse(bytes, part: part, maxDepth: depth)
        }
        let workbookRelationships = try relationships(of: workbookName)
        var strings = SharedStringsPart()
        if let target = workbookRelationships.first(where: { $0.isKind("sharedStrings") })?.target, archive.contains(target) {
            strings = try parse(target) { (bytes, part, depth) throws(ReaderError) in
                try SharedStringsPart.parse(bytes, part: part, maxDepth: depth)
            }
        }
        var styles = StylesPart()
        if let target = workbookRelationships.first(where: { $0.isKind("styles") })?.target, archive.contains(target) {
            styles = try parse(target) { (bytes, part, depth) throws(ReaderError) in
                try StylesPart.parse(bytes, part: part, maxDepth: depth)
            }
        }
        var theme: [UInt32] = []
        if let target = workbookRelationships.first(where: { $0.isKind("theme") })?.target, archive.contains(target) {
            theme = try parse(target) { (bytes, part, depth) throws(ReaderError) in
                try ThemePart.parse(bytes, part: part, maxDepth: depth)
            }
        }
        if workbookRelationships.contains(where: { $0.isKind("vbaProject") }) { features.insert(.macros) }
        if workbookRelationships.contains(where: { $0.isKind("pivotCacheDefinition") }) { features.insert(.pivotTables) }

        let byID = Dictionary(workbookRelationships.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var sheets: [Worksheet] = []
        for entry in workbookPart.sheets {
            guard let relationship = byID[entry.relationshipID] else {
                throw ReaderError(.invalidContent("sheet '\(entry.name)' refers to relationship \(entry.relationshipID), which does not exist"),
                                  part: workbookName, sheet: entry.name)
            }
            if relationship.isKind("chartsheet") { features.insert(.charts); continue }
            if relationship.isKind("dialogsheet") || relationship.isKind("xlMacrosheet") || relationship.isKind("macrosheet") {
                features.insert(.macros)
                continue
            }
            guard relationship.isKind("worksheet"), let target = relationship.target else {
                throw ReaderError(.invalidContent("sheet '\(entry.name)' is not a worksheet part"), part: workbookName,
                                  sheet: entry.name)
            }
            guard archive.contains(target) else {
                throw ReaderError(.missingPart("worksheet part '\(target)' of sheet '\(entry.name)'"), part: target, sheet: entry.name)
            }
            sheets.append(try loadSheet(entry, part: target, strings: strings, styleCount: styles.styles.count))
        }
        if sheets.isEmpty && workbookPart.sheets.isEmpty {
            throw ReaderError(.invalidContent("the workbook lists no sheets"), part: workbookName)
        }
        return Workbook(source: source, sheets: sheets, styles: styles.styles, definedNames: workbookPart.definedNames,
                        date1904: workbookPart.date1904, themeColors: theme, indexedColors: styles.indexedColors,
                        activeSheet: min(max(workbookPart.activeTab, 0), max(sheets.count - 1, 0)),
                        unsupportedContent: features)
    }

    private mutating func loadSheet(_ entry: WorkbookPart.SheetEntry, part: String, strings: SharedStringsPart,
                                    styleCount: Int) throws(ReaderError) -> Worksheet {
        var context = WorksheetPart.Context(part: part, sheet: entry.name, strings: strings, styleCount: styleCount,
                                            maxDepth: limits.maxXMLDepth)
        context.streamBlock = streaming.block
        var parsed: WorksheetPart
        do {
            if let streamed = try stream(part, context: context) {
                parsed = streamed
            } else {
                parsed = try parse(part) { (bytes, _, _) throws(ReaderError) in try WorksheetPart.parse(bytes, context: context) }
            }
        } catch {
            var located = error
            located.sheet = located.sheet ?? entry.name
            throw located
        }
        features.formUnion(parsed.features)
        var notes: [Note] = []
        for relationship in try relationships(of: part) {
            guard let target = relationship.target else {
                if relationship.isKind("hyperlink") { features.insert(.hyperlinks) }
                continue
            }
            if relationship.isKind("comments"), archive.contains(target) {
                notes += try parse(target) { (bytes, name, depth) throws(ReaderError) in
                    try CommentsPart.parse(bytes, part: name, maxDepth: depth)
                }
            } else if relationship.isKind("drawing"), archive.contains(target) {
                for drawn in try relationships(of: target) {
                    if drawn.isKind("chart") { features.insert(.charts) }
                    if drawn.isKind("image") { features.insert(.images) }
                }
            } else if relationship.isKind("threadedComment") {
                features.insert(.threadedComments)
            } else if relationship.isKind("pivotTable") {
                features.insert(.pivotTables)
            } else if relationship.isKind("table") {
                features.insert(.tables)
            }
        }
        return Worksheet(name: entry.name, visibility: entry.visibility, store: parsed.store, mergedRanges: parsed.mergedRanges,
                         columns: parsed.columns, rows: parsed.rows, defaultRowHeight: parsed.defaultRowHeight,
                         defaultColumnWidth: parsed.defaultColumnWidth, pane: parsed.pane,
                         notes: notes.sorted { $0.address < $1.address }, richText: parsed.richText,
                         arrayFormulas: parsed.arrayFormulas, showGridLines: parsed.showGridLines)
    }

    // A large worksheet, inflated and parsed at once (`WorksheetStream`); `nil` when it is small, when there is one core,
    // or when the stream gave up, and the part is to be read the ordinary way.
    private mutating func stream(_ part: String, context: WorksheetPart.Context) throws(ReaderError) -> WorksheetPart? {
        guard WorksheetPart.processors > 1, let size = archive.declaredSize(of: part), size >= streaming.threshold else {
            return nil
        }
        let start = ContinuousClock.now
        let stream = try archive.open(part)
        guard let (parsed, inflateSeconds) = try WorksheetStream(context: context).parse({ (buffer, capacity) throws(ReaderError) in
            try stream.fill(buffer, capacity: capacity)
        }) else {
            stream.abandon()
            return nil
        }
        statistics.parts.append(ReadStatistics.Part(name: part, bytes: stream.count, inflateSeconds: inflateSeconds,
                                                    parseSeconds: (ContinuousClock.now - start).seconds, overlapped: true))
        return parsed
    }

    private mutating func relationships(of part: String) throws(ReaderError) -> [Relationship] {
        let name = PartName.relationships(of: part)
        guard archive.contains(name) else { return [] }
        return try parse(name) { (bytes, relsPart, depth) throws(ReaderError) in
            try Relationship.parse(bytes, part: relsPart, source: part, maxDepth: depth)
        }
    }

    private func checkWorkbookType(_ part: String) throws(ReaderError) {
        guard archive.contains(part) else { throw ReaderError(.missingPart("workbook part '\(part)'"), part: part) }
        guard let type = contentTypes.type(of: part) else { return }
        if type.contains("sheet.binary") {
            throw ReaderError(.unsupportedPackage("this is an Excel binary workbook (.xlsb); save it as .xlsx and try again"), part: part)
        }
        let spreadsheet = type.hasSuffix(".sheet.main+xml") || type.hasSuffix(".template.main+xml")
            || type.hasSuffix("macroEnabled.main+xml")
        if !spreadsheet {
            throw ReaderError(.unsupportedPackage("this Office file is not a spreadsheet (its main part is \(type))"), part: part)
        }
    }

    private mutating func parse<T>(_ part: String, _ body: (UnsafeBufferPointer<UInt8>, String, Int) throws(ReaderError) -> T)
        throws(ReaderError) -> T {
        let clock = ContinuousClock()
        let start = clock.now
        let buffer: PartBuffer
        do {
            buffer = try XMLEncoding.utf8(try archive.read(part), name: part)
        } catch {
            var located = error
            located.part = located.part ?? part
            throw located
        }
        let inflated = clock.now
        let value = try buffer.withBytes { (bytes) throws(ReaderError) in try body(bytes, part, limits.maxXMLDepth) }
        let parsed = clock.now
        statistics.parts.append(ReadStatistics.Part(name: part, bytes: buffer.count,
                                                    inflateSeconds: (inflated - start).seconds,
                                                    parseSeconds: (parsed - inflated).seconds))
        return value
    }
}
