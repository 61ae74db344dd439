import CermatWorkbook
import Testing

/// Memory for large arrays: advice never changes what the memory holds.
@Suite struct HugePagesTests {
    @Test func aReservedArrayHoldsWhatIsAppended() {
        var cells: [Int] = []
        HugePages.reserve(&cells, capacity: 3 * HugePages.size / MemoryLayout<Int>.stride)
        #expect(cells.isEmpty && cells.capacity * MemoryLayout<Int>.stride >= 3 * HugePages.size)
        cells.append(contentsOf: 0..<1000)
        #expect(cells.count == 1000 && cells[999] == 999)
    }

    @Test func allocatedMemoryIsAlignedAndWritable() {
        for bytes in [0, 24, 5 * HugePages.size + 3] {
            let memory = HugePages.allocate(bytes: bytes, alignment: 8)
            defer { memory.deallocate() }
            #expect(memory.count == bytes)
            #expect(Int(bitPattern: memory.baseAddress) % 8 == 0)
            let numbers = memory.bindMemory(to: Double.self)
            numbers.initialize(repeating: 1.5)
            #expect(numbers.allSatisfy { $0 == 1.5 })
        }
    }
}
