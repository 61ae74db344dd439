// libFuzzer entry point over the XML scanner and the worksheet parser (see fuzz/build.sh).
//
// Every input is parsed three ways: the general event-driven path, the row fast path, and the fast path split into
// pieces as on a multi-core machine. Each must either throw a ReaderError or succeed, all three the same way, with
// identical cells. Any crash, sanitizer report or disagreement is a bug.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWorksheet(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let buffer = UnsafeBufferPointer(start: data, count: size)
    let strings = SharedStringsPart(strings: ["a", "b", "c"], runs: [:])
    func parse(fast: Bool, split: Bool) -> Result<[Cell], ReaderError> {
        var context = WorksheetPart.Context(part: "fuzz.xml", sheet: "Fuzz", strings: strings, styleCount: 4, maxDepth: 64)
        context.fastRows = fast
        context.parallelThreshold = split ? 0 : Int.max
        do throws(ReaderError) {
            return .success(Array(try WorksheetPart.parse(buffer, context: context).store))
        } catch {
            return .failure(error)
        }
    }
    let general = parse(fast: false, split: false)
    let fast = parse(fast: true, split: false)
    let split = parse(fast: true, split: true)
    for other in [fast, split] {
        switch (general, other) {
        case (.success(let a), .success(let b)):
            if a != b { fatalError("paths disagree on the cells") }
        case (.failure, .failure):
            break
        default:
            fatalError("one path failed where another succeeded: \(general) vs \(other)")
        }
    }
    // The scanner alone, as the other parts use it.
    var scanner = XMLScanner(buffer, part: "fuzz.xml", maxDepth: 64)
    do throws(ReaderError) {
        while try scanner.next() != .endOfDocument {
            if scanner.depth > 0, !scanner.owesEndEvent { _ = try? scanner.text() }
        }
    } catch {}
    return 0
}
