// Giving freed memory back to the system between the stages of a run.

#if canImport(Glibc)
import Glibc
#endif

package enum Memory {
    #if canImport(Glibc)
    /// glibc's `malloc_trim`, which its Swift module map leaves out (it is declared in malloc.h).
    private static let mallocTrim: (@convention(c) (Int) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
    }()

    /// glibc's `mallopt`, also declared only in malloc.h.
    private static let mallopt: (@convention(c) (Int32, Int32) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
    }()
    #endif

    /// Has the allocator take memory from the system 16 MB beyond what it needs at a time (`M_TOP_PAD`), for a
    /// process that runs one command and exits. By default each thread's arena grew a few pages at a time, each
    /// step a system call: a 10,000-reply lint made 3,800–4,400 `mprotect` and 116–135 `brk` calls, and took 12,180
    /// page faults; with this, 21, 5 and 11,580. The pad is address space: pages are only resident once written.
    package static func growInLargeSteps() {
        #if canImport(Glibc)
        _ = mallopt?(-2 /* M_TOP_PAD */, 16 << 20)
        #endif
    }

    /// Returns the pages of freed memory to the system. The library is loaded and checked on several threads,
    /// each allocating from an arena of its own, and glibc keeps what they free for them: without this the report
    /// of a 100,000-reply lint, written once the library is let go, came on top of all of it (peak 480 → 390 MB
    /// at that point). Called once, after the checks; after loading it changed nothing measurable.
    static func releaseFreed() {
        #if canImport(Glibc)
        _ = mallocTrim?(0)
        #endif
    }

    /// Leaves `value` allocated until the process exits, on purpose: freeing many small objects just before
    /// exit is time the user waits for, and the system takes back the whole address space at once.
    static func keepUntilExit<Value>(_ value: Value) {
        _ = Unmanaged.passRetained(Kept(value))
    }

    private final class Kept<Value> {
        let value: Value
        init(_ value: Value) { self.value = value }
    }
}
