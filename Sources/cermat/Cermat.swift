import CermatCLI
#if canImport(Glibc)
import CMalloc
#endif

// The entry point: asynchronous, which `cermat serve` needs.
@main enum Cermat {
    static func main() async {
        #if canImport(Glibc)
        // A lint allocates hundreds of megabytes in small pieces on several threads: the heap grown 64 MB at a time,
        // not page by page, saves a system call for each step (about a fifth of a second on the 200 000-row benchmark).
        mallopt(M_TOP_PAD, 64 << 20)
        #endif
        await CermatCommand.main()
    }
}
