// Walking a library's folders and reading its files, bounded: each folder once, never out of the
// library, never more than `limits.files` entries, never a file larger than `limits.file-size`.
//
// Links: a symbolic link is followed only when its real target is inside the library root and has
// not been read already (through its own path or another link). A link out of the library is never
// opened — `replies/creds.md -> ~/.aws/credentials` is reported, and nothing of the target reaches a
// report, a render or the server. Dangling links, loops of links and folders that cannot be opened
// are reported too, never skipped in silence.

import Foundation

struct LibraryWalk {
    /// Something the walk did not read, with the path as walked (absolute) and why.
    struct Problem {
        var path: String
        var kind: FileProblem.Kind
        var message: String
    }

    /// Regular files to read, by the path they were reached through, sorted.
    var files: [String] = []
    var problems: [Problem] = []

    /// Walks `folder` (a folder, or one file), skipping hidden entries, reading at most `limit` entries.
    /// `libraryRoot` is the library root's real path (see `realPath`). With `named`, only the files whose
    /// name (the link's, for a link) it accepts are listed; the walk, its limit and its problems are the
    /// same, and no path is made or sorted for the others: a one-reply `render` looks for YAML collections
    /// among every reply file, and making and sorting 2,000 paths was a sixth of it.
    static func walk(_ folder: String, inside libraryRoot: String, limit: Int, named: ((String) -> Bool)? = nil) -> LibraryWalk {
        var walker = Walker(libraryRoot: libraryRoot, limit: limit, named: named)
        walker.run(from: URL(fileURLWithPath: folder).standardizedFileURL.path)
        var result = LibraryWalk(files: walker.files.sorted(), problems: walker.problems.sorted { $0.path < $1.path })
        if walker.stopped {
            result.problems.append(Problem(
                path: folder, kind: .limit,
                message: "more than \(Limits.grouped(limit)) files and folders here (limits.files); the rest were not read: point paths: in replylint.yml at the right folder, or raise limits.files"))
        }
        return result
    }

    /// The path with every link resolved, or nil when it does not exist (or is a loop of links).
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// `name` in `folder`; `name` empty is the folder itself.
    static func join(_ folder: String, _ name: String) -> String {
        name.isEmpty ? folder : folder == "/" ? "/" + name : folder + "/" + name
    }

    /// Whether `path` (a real path) is `root` (a real path) or below it.
    static func isInside(_ path: String, _ root: String) -> Bool {
        root == "/" || path == root || path.hasPrefix(root + "/")
    }

    private struct Walker {
        let libraryRoot: String
        let limit: Int
        let named: ((String) -> Bool)?
        var files: [String] = []
        var problems: [Problem] = []
        var stopped = false
        /// Folders walked, by device and inode, so none is walked twice.
        private var visited = Set<FileIdentity>()
        /// Folders to walk: the path they were reached by, and their real path.
        private var pending: [(path: String, real: String)] = []
        /// Links met, resolved after everything reachable without them (so a file's own path wins over a link's).
        private var links: [String] = []
        /// Real paths of the files taken, built once the first link is met.
        private var realFiles: Set<String>?
        /// The real path of each of `files`, in order, until `realFiles` is built: as its real folder and its name,
        /// joined only if a link is met, rather than for each file of a walk that meets none.
        private var reals: [(folder: String, name: String)] = []
        private var entries = 0
        /// The real path of the folder the walk started from.
        private var startReal = ""

        init(libraryRoot: String, limit: Int, named: ((String) -> Bool)?) {
            self.libraryRoot = libraryRoot
            self.limit = limit
            self.named = named
        }

        struct FileIdentity: Hashable {
            var device: UInt64
            var inode: UInt64
        }

        mutating func run(from start: String) {
            var info = stat()
            guard lstat(start, &info) == 0 else { return }
            startReal = LibraryWalk.realPath(start) ?? start
            switch info.st_mode & S_IFMT {
            case S_IFLNK: links.append(start)
            case S_IFDIR: enter(start, real: LibraryWalk.realPath(start) ?? start, info)
            case S_IFREG: take(start, real: LibraryWalk.realPath(start) ?? start)
            default: notRegular(start)
            }
            while !stopped {
                while !stopped, let folder = pending.popLast() { read(folder.path, real: folder.real) }
                if stopped || links.isEmpty { break }
                let batch = links.sorted()
                links = []
                if realFiles == nil { realFiles = Set(reals.map { LibraryWalk.join($0.folder, $0.name) }) }
                for link in batch { follow(link) }
            }
        }

        private mutating func enter(_ path: String, real: String, _ info: stat) {
            visited.insert(FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)))
            pending.append((path, real))
        }

        /// Takes the file (or link to a file) at `path`, whose real path is `real`.
        private mutating func take(_ path: String, real: String) {
            let name = path[(path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex)...]
            take(named?(String(name)) == false ? nil : path, realFolder: real, name: nil)
        }

        /// Takes the file at `path`, whose real path is `realFolder` joined with `name` (or `realFolder` itself).
        /// A file `named` turns down (`path` nil) is taken as read but not listed, so a link to it is reported as
        /// it would be.
        private mutating func take(_ path: String?, realFolder: String, name: String?) {
            if realFiles != nil {
                guard realFiles!.insert(name.map { LibraryWalk.join(realFolder, $0) } ?? realFolder).inserted else { return }
            } else {
                reals.append(name.map { (realFolder, $0) } ?? (realFolder, ""))
            }
            if let path { files.append(path) }
        }

        private mutating func notRegular(_ path: String) {
            problems.append(Problem(
                path: path, kind: .unreadable,
                message: "this is not a regular file (a named pipe, socket or device), and is not read; remove it from the library"))
        }

        private mutating func read(_ folder: String, real: String) {
            guard let handle = opendir(folder) else {
                let reason = String(cString: strerror(errno))
                problems.append(Problem(
                    path: folder, kind: .unreadable,
                    message: "this folder cannot be opened (\(reason)), so the files in it are not checked; check its permissions"))
                return
            }
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name.hasPrefix(".") { continue }
                entries += 1
                if entries > limit {
                    stopped = true
                    return
                }
                var type = Int32(entry.pointee.d_type)
                // A file `named` turns down needs no path.
                if type == Int32(DT_REG), let named, !named(name) {
                    take(nil, realFolder: real, name: name)
                    continue
                }
                let path = folder == "/" ? "/" + name : folder + "/" + name
                var info = stat()
                if type == Int32(DT_UNKNOWN) || type == Int32(DT_DIR) {
                    // File systems that do not report a type, and folders (whose identity stops loops): ask.
                    guard lstat(path, &info) == 0 else { continue }
                    switch info.st_mode & S_IFMT {
                    case S_IFDIR: type = Int32(DT_DIR)
                    case S_IFREG: type = Int32(DT_REG)
                    case S_IFLNK: type = Int32(DT_LNK)
                    default: type = Int32(DT_FIFO)
                    }
                }
                switch type {
                case Int32(DT_DIR):
                    let identity = FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
                    if !visited.contains(identity) { enter(path, real: LibraryWalk.join(real, name), info) }
                case Int32(DT_REG): take(named?(name) == false ? nil : path, realFolder: real, name: name)
                case Int32(DT_LNK): links.append(path)
                default: notRegular(path)
                }
            }
        }

        private mutating func follow(_ link: String) {
            guard let target = LibraryWalk.realPath(link) else {
                let loop = errno == ELOOP
                let written = (try? FileManager.default.destinationOfSymbolicLink(atPath: link)) ?? "?"
                problems.append(Problem(
                    path: link, kind: .unreadable,
                    message: loop
                        ? "this link is part of a loop of links and leads nowhere; remove it"
                        : "this link points to '\(written)', which does not exist; remove the link or restore its file"))
                return
            }
            guard LibraryWalk.isInside(target, libraryRoot) else {
                problems.append(Problem(
                    path: link, kind: .unreadable,
                    message: "this link points outside the library (to \(target)) and is not read: ReplyLint reads only files inside the library's folder; copy the file in, or remove the link"))
                return
            }
            var info = stat()
            guard stat(target, &info) == 0 else { return }
            let shown = libraryRoot == "/" ? target : String(target.dropFirst(min(target.count, libraryRoot.count + 1)))
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                let identity = FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
                guard !visited.contains(identity) else {
                    problems.append(Problem(
                        path: link, kind: .ignored,
                        message: "this link leads to the folder '\(shown.isEmpty ? "." : shown)', which is read already; each folder is read once, so remove the link"))
                    return
                }
                // Up the tree (`replies/up -> ..`): the library itself again, its policies taken for replies.
                guard !LibraryWalk.isInside(startReal, target) else {
                    problems.append(Problem(
                        path: link, kind: .ignored,
                        message: "this link leads to the folder '\(shown.isEmpty ? "." : shown)', which holds the folder being read; following it would read the library again, so remove the link"))
                    return
                }
                enter(link, real: target, info)
            case S_IFREG:
                if realFiles?.contains(target) == true {
                    problems.append(Problem(
                        path: link, kind: .ignored,
                        message: "this link leads to '\(shown)', which is read already; each file is read once, so remove the link"))
                    return
                }
                take(link, real: target)
            default:
                notRegular(link)
            }
        }
    }
}

/// A file's bytes, read only when it is a regular file no larger than the limit.
enum BoundedRead {
    case data(Data)
    /// The file is larger than the limit (its size in bytes); nothing was read.
    case tooLarge(Int)
    /// Not a regular file (a named pipe, a device, a folder).
    case notRegular
    case failed(String)

    /// Opens `path` without blocking (a named pipe put in a file's place cannot hang the read), checks
    /// what it is and its size on the open file, and reads at most `limit` bytes.
    static func read(_ path: String, limit: Int) -> BoundedRead {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .failed(String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failed(String(cString: strerror(errno))) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .notRegular }
        let size = Int(info.st_size)
        guard size <= limit else { return .tooLarge(size) }
        // The size may change while it is read: never read more than the limit allows.
        var data = Data(count: Swift.min(size, limit) + 1)
        var filled = 0
        let capacity = data.count
        let failure: String? = data.withUnsafeMutableBytes { buffer -> String? in
            while filled < capacity {
                let count = Foundation.read(descriptor, buffer.baseAddress! + filled, capacity - filled)
                if count < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                if count == 0 { break }
                filled += count
                // All the size said: done, without one more read to meet the end (a fifth of the calls a file cost).
                // A file that grew meanwhile is read as it was; one of size 0 (as /proc's are) is read to its end.
                if filled == size && size > 0 { break }
            }
            return nil
        }
        if let failure { return .failed(failure) }
        if filled > limit { return .tooLarge(filled) }
        data.count = filled
        return .data(data)
    }
}

extension LibraryLoader {
    /// Whether writing to `path` (absolute) would replace a file the library is made of, or add one to
    /// it: the config file, or anything in a replies or policies folder. Reports and baselines are never
    /// written there; only `--fix` changes what a user wrote.
    public func isLibraryFile(_ path: String) -> Bool {
        let target = Self.realTarget(of: path)
        if let file = configuration.file, Self.realTarget(of: Self.absolute(file, base: displayBase)) == target { return true }
        let configPath = (root as NSString).appendingPathComponent(Self.configFileName)
        if Self.realTarget(of: configPath) == target { return true }
        for folder in configuration.replyPaths + configuration.policyPaths {
            let real = Self.realTarget(of: Self.absolute(folder, base: root))
            if target != real, LibraryWalk.isInside(target, real) { return true }
        }
        return false
    }

    /// Whether writing to `path` (absolute) writes inside the library at `root`: a link out of it does not,
    /// and `--fix` never writes through one.
    public static func writesInside(_ path: String, root: String) -> Bool {
        LibraryWalk.isInside(realTarget(of: path), realPath(of: root))
    }

    /// Where writing to `path` lands: its real path, or, when it does not exist yet, the real path of
    /// its nearest folder that does, with the rest of the path (folders `import` will create) appended.
    static func realTarget(of path: String) -> String {
        let standard = URL(fileURLWithPath: path).standardizedFileURL.path
        var existing = standard
        var rest: [String] = []
        while LibraryWalk.realPath(existing) == nil {
            let parent = (existing as NSString).deletingLastPathComponent
            guard parent != existing, !parent.isEmpty else { return standard }
            rest.insert((existing as NSString).lastPathComponent, at: 0)
            existing = parent
        }
        var real = LibraryWalk.realPath(existing) ?? existing
        for component in rest { real = (real as NSString).appendingPathComponent(component) }
        return real
    }
}
