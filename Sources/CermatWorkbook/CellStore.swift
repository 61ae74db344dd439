/// The cells of a worksheet in row-major order: a collection over one or more contiguous segments.
///
/// A sheet parsed in pieces on several cores keeps one segment per piece, so joining the pieces copies nothing.
/// Segments never split a row.
public struct CellStore: RandomAccessCollection, Sendable {
    /// Position of a cell in row-major order.
    public typealias Index = Int

    private let segments: [[Cell]]
    // Where each segment starts in the whole collection.
    private let offsets: [Int]
    /// Number of cells.
    public let count: Int

    /// A store over one array of cells.
    public init(_ cells: [Cell]) {
        self.init(segments: [cells])
    }

    /// A store over consecutive segments; empty segments are dropped.
    public init(segments: [[Cell]]) {
        let kept = segments.filter { !$0.isEmpty }
        self.segments = kept.isEmpty ? [[]] : kept
        var offsets: [Int] = []
        var total = 0
        for segment in self.segments {
            offsets.append(total)
            total += segment.count
        }
        self.offsets = offsets
        count = total
    }

    /// Always 0.
    public var startIndex: Int { 0 }
    /// `count`.
    public var endIndex: Int { count }

    /// The cell at a position.
    public subscript(position: Int) -> Cell {
        let segment = segmentIndex(of: position)
        return segments[segment][position - offsets[segment]]
    }

    /// The cells in `range`, which must lie inside one segment (a row always does).
    public func contiguous(_ range: Range<Int>) -> ArraySlice<Cell> {
        guard !range.isEmpty else { return segments[0][0..<0] }
        let segment = segmentIndex(of: range.lowerBound)
        let base = offsets[segment]
        precondition(range.upperBound - base <= segments[segment].count, "the range crosses a segment boundary")
        return segments[segment][(range.lowerBound - base)..<(range.upperBound - base)]
    }

    /// Calls `body` with each segment's cells in order, without copying them: the fast way to scan a whole sheet.
    public func forEachSegment(_ body: (UnsafeBufferPointer<Cell>, _ offset: Int) throws -> Void) rethrows {
        for (segment, offset) in zip(segments, offsets) {
            try segment.withUnsafeBufferPointer { try body($0, offset) }
        }
    }

    /// The cells as one array (copies when there are several segments).
    public var array: [Cell] { segments.count == 1 ? segments[0] : segments.flatMap { $0 } }

    /// Iterates segment by segment, without a lookup per cell.
    public func makeIterator() -> Iterator {
        Iterator(segments: segments)
    }

    /// An iterator over the cells of every segment in order.
    public struct Iterator: IteratorProtocol {
        private let segments: [[Cell]]
        private var segment = 0
        private var index = 0

        init(segments: [[Cell]]) {
            self.segments = segments
        }

        /// The next cell.
        public mutating func next() -> Cell? {
            while segment < segments.count {
                if index < segments[segment].count {
                    defer { index += 1 }
                    return segments[segment][index]
                }
                segment += 1
                index = 0
            }
            return nil
        }
    }

    // The last segment starting at or before `position`: a binary search, since a streamed sheet has dozens of segments.
    private func segmentIndex(of position: Int) -> Int {
        var low = 0, high = offsets.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if offsets[middle] <= position { low = middle } else { high = middle - 1 }
        }
        return low
    }
}
