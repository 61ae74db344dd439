import CermatPlanning
import Testing

/// Work on every core in slices: results in index order, each slice with a state of its own.
@Suite struct ParallelTests {
    @Test func mapsEveryIndexInOrderWhateverTheSlices() {
        for (count, size) in [(0, 1), (1, 1), (10, 3), (1000, 7), (4096, 512), (5000, 10_000)] {
            #expect(Parallel.map(count, slicedBy: size) { $0 * 2 } == (0..<count).map { $0 * 2 })
        }
    }

    @Test func eachSliceStartsItsOwnStateAndKeepsItInOrder() {
        // The state counts the indices its slice has mapped so far: it starts again at each slice's first index.
        let positions = Parallel.map(100, slicedBy: 16, state: { 0 }) { _, seen -> Int in
            defer { seen += 1 }
            return seen
        }
        #expect(positions == (0..<100).map { $0 % 16 })
    }

    @Test func resultsThatHoldReferencesAreKeptWhole() {
        let texts = Parallel.map(10_000, slicedBy: 1000) { String(repeating: "kode ", count: $0 % 7) + "\($0)" }
        #expect(texts.count == 10_000)
        #expect(texts[6] == "kode kode kode kode kode kode 6" && texts[9_999] == "kode kode kode 9999")
    }
}
