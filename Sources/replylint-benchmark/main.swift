// The ReplyLint benchmark: generates reply libraries of real-length replies and times the real
// `replylint` binary on them as whole processes (start-up included), as users run it — against the
// peer a team would otherwise run (proselint) and the floor (reading every file, as `grep -r` does),
// on the same files, interleaved run by run, so the ratios hold when the machine's speed drifts.
//
// usage: swift run -c release replylint-benchmark [--sizes 2000,10000,100000] [--runs 5]
//            [--peer-max 10000] [--corpus PATH] [--output benchmark-results.json]
//
// A plain executable rather than ordo-one/benchmark: the targets are whole-process wall times and
// peak memory of the CLI, which a subprocess timer measures directly; ordo-one/benchmark measures
// in-process functions and would add jemalloc and a build plugin to every CI build.

import Foundation
import ReplyLint

// MARK: - Options

var sizes = [2_000, 10_000, 100_000]
var runs = 5
var peerMax = 10_000
var outputPath = "benchmark-results.json"
var corpusPath: String? = {
    let candidates = ["../shared/corpus/twcs-sample.csv", "../../shared/corpus/twcs-sample.csv"]
    return candidates.first { FileManager.default.fileExists(atPath: $0) }
}()
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--sizes": sizes = (arguments.popFirst() ?? "").split(separator: ",").compactMap { Int($0) }
    case "--runs": runs = max(1, Int(arguments.popFirst() ?? "") ?? runs)
    case "--peer-max": peerMax = Int(arguments.popFirst() ?? "") ?? peerMax
    case "--output": outputPath = arguments.popFirst() ?? outputPath
    case "--corpus": corpusPath = arguments.popFirst()
    case "--help", "-h":
        print("usage: replylint-benchmark [--sizes 2000,10000,100000] [--runs 5] [--peer-max 10000] [--corpus CSV] [--output FILE]")
        exit(0)
    default:
        FileHandle.standardError.write(Data("replylint-benchmark: unknown argument \(argument)\n".utf8))
        exit(2)
    }
}

let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("replylint").path
guard FileManager.default.isExecutableFile(atPath: binary) else {
    FileHandle.standardError.write(Data("replylint-benchmark: build replylint first (swift build -c release)\n".utf8))
    exit(2)
}

/// The first executable called `name` on PATH.
func onPath(_ name: String) -> String? {
    for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
        let path = "\(folder)/\(name)"
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
}

// MARK: - Reply texts

/// Reply bodies: the shared corpus when present (read, never copied into the project), else generated.
@MainActor func replyTexts() -> [String] {
    if let corpusPath, let text = try? String(contentsOfFile: corpusPath, encoding: .utf8) {
        var texts: [String] = []
        for line in text.split(separator: "\n").dropFirst() {
            // tweet_id,author_id,inbound,created_at,text — the text is the last field, quoted when needed.
            let fields = line.split(separator: ",", maxSplits: 4, omittingEmptySubsequences: false)
            guard fields.count == 5 else { continue }
            var body = String(fields[4])
            if body.hasPrefix("\""), body.hasSuffix("\"") { body = String(body.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"") }
            body = body.replacingOccurrences(of: "&amp;", with: "&")
            // The corpus opens with the customer's handle; a saved reply greets by name instead.
            while body.hasPrefix("@"), let space = body.firstIndex(of: " ") { body = String(body[space...]).trimmingCharacters(in: .whitespaces) }
            if body.count > 20 { texts.append(body) }
        }
        if texts.count > 100 { return texts }
    }
    var generator = SeededGenerator(seed: 42)
    let openings = ["Sorry to hear about this.", "Thanks for letting us know.", "We're sorry your order is late.", "Thanks for your patience."]
    let middles = ["Please send us a Direct Message with your order number so we can look into it.", "A crew will be out tomorrow to fix it.",
                   "You can find the details on our website.", "We've passed this on to the team, who will be in touch.",
                   "Could you tell us which store this was?", "The road will reopen on Friday morning."]
    let closings = ["We're here to help.", "Thanks again.", "Speak soon.", ""]
    return (0..<2_000).map { _ in
        [openings.randomElement(using: &generator)!, middles.randomElement(using: &generator)!, middles.randomElement(using: &generator)!, closings.randomElement(using: &generator)!].joined(separator: " ")
    }
}

// MARK: - Libraries

/// Four replies per FAQ entry, one per channel: as a team keeps them (no reply-duplicate noise).
let channelsPerEntry = ["x-reply", "x-dm", "facebook-comment", "sms"]

/// FAQ entries per policy file: libraries of up to 10,000 replies have one FAQ file, as before.
let faqEntriesPerFile = 2_500

/// Writes a library of `size` replies in 30 topic folders, with one FAQ entry per four replies.
@MainActor func makeLibrary(size: Int, texts: [String], in folder: URL) throws -> URL {
    let library = folder.appendingPathComponent("library-v3-\(size)")
    if FileManager.default.fileExists(atPath: library.appendingPathComponent("done").path) { return library }
    try? FileManager.default.removeItem(at: library)
    let fm = FileManager.default
    try fm.createDirectory(at: library.appendingPathComponent("policies"), withIntermediateDirectories: true)
    let entries = (size + channelsPerEntry.count - 1) / channelsPerEntry.count
    // At most 2,500 entries a file, as a team splits a long FAQ: one file of 25,000 (100,000 replies) was larger than
    // limits.file-size, so it was not read and every reply was reported faq-unknown — another workload than 10,000's.
    for first in stride(from: 0, to: entries, by: faqEntriesPerFile) {
        var faq = "---\nkind: faq\n---\n# FAQ\n\n"
        for entry in first..<min(entries, first + faqEntriesPerFile) { faq += "## Question \(entry) {#q\(entry)}\nThe answer to question \(entry).\n\n" }
        let name = first == 0 ? "faq.md" : "faq-\(first / faqEntriesPerFile + 1).md"
        try faq.write(to: library.appendingPathComponent("policies/\(name)"), atomically: true, encoding: .utf8)
    }
    try "team:\n  name: Benchmark Support\naccounts:\n  x: \"12345\"\n  facebook: benchmark\n  instagram: benchmark\n  whatsapp: \"15550100\"\nusage: {log: off}\n".write(
        to: library.appendingPathComponent("replylint.yml"), atomically: true, encoding: .utf8)
    for index in 0..<size {
        let topic = library.appendingPathComponent("replies/topic-\(index % 30)")
        if index < 30 { try fm.createDirectory(at: topic, withIntermediateDirectories: true) }
        let channel = channelsPerEntry[index % channelsPerEntry.count]
        let link = channel == "x-reply" || channel == "facebook-comment" ? " {{dm_link}}" : ""
        let body = "Hi {{customer.first_name}}, " + texts[(index / channelsPerEntry.count) % texts.count] + link + " — {{agent.full_name}}"
        let text = """
            ---
            title: Reply \(index)
            faq: q\(index / channelsPerEntry.count)
            channels: [\(channel)]
            tags: [topic-\(index % 30)]
            placeholders:
              customer.first_name: {max: 20}
            ---
            \(body)

            """
        try text.write(to: topic.appendingPathComponent("reply-\(index).md"), atomically: false, encoding: .utf8)
    }
    try Data().write(to: library.appendingPathComponent("done"))
    return library
}

// MARK: - Timing whole processes

struct Sample { var wall: Double; var peakKB: Int }

/// Runs a command to completion and returns its wall time and peak resident memory. Spawned with posix_spawn
/// and waited for here: Foundation's Process reaps its children on a thread of its own, which sometimes took
/// the child before `wait4` did, leaving its memory unread (a 100,000-reply lint once showed a peak of 0 MB).
@MainActor func measure(_ executable: String, _ args: [String], in directory: URL) throws -> Sample {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + args).map { strdup($0) } + [nil]
    defer { for argument in argv { free(argument) } }
    var pid = pid_t()
    // The child starts in `directory`: the benchmark runs one command at a time, on this thread, so it moves
    // there for the spawn and back (glibc's addchdir for spawn actions is not in Swift's Glibc module).
    let here = FileManager.default.currentDirectoryPath
    guard chdir(directory.path) == 0 else { throw BenchmarkError("\(directory.path): cannot go there") }
    defer { _ = chdir(here) }
    let start = DispatchTime.now()
    let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
    guard spawned == 0 else { throw BenchmarkError("\(executable): cannot start (\(String(cString: strerror(spawned))))") }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 {
        guard errno == EINTR else { throw BenchmarkError("\(executable): lost track of the run (\(String(cString: strerror(errno))))") }
    }
    let wall = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    guard usage.ru_maxrss > 0 else { throw BenchmarkError("\(executable): no peak memory reported for the run") }
    return Sample(wall: wall, peakKB: usage.ru_maxrss)
}

struct BenchmarkError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Median, minimum and maximum of some figures.
struct Spread {
    var median: Double, min: Double, max: Double
    init(_ values: [Double]) {
        let sorted = values.sorted()
        median = sorted.isEmpty ? 0 : sorted[sorted.count / 2]
        min = sorted.first ?? 0
        max = sorted.last ?? 0
    }
    var json: JSONValue { .object([("median", .double(median)), ("min", .double(min)), ("max", .double(max))]) }
    /// The same in milliseconds, as the `*_ms` keys hold them.
    var milliseconds: JSONValue { .object([("median", .double(median * 1000)), ("min", .double(min * 1000)), ("max", .double(max * 1000))]) }
}

/// Several commands run in turn, run after run, after a warm-up of each: each command's wall times
/// and peak memory, and the ratios between commands computed run by run.
@MainActor func interleaved(_ commands: [(label: String, executable: String, args: [String], directory: URL)], runs: Int) throws -> [String: (wall: Spread, peakKB: Int, walls: [Double])] {
    for command in commands { _ = try measure(command.executable, command.args, in: command.directory) }  // warm-up: file cache, dynamic linker
    var walls: [String: [Double]] = [:]
    var peaks: [String: Int] = [:]
    for _ in 0..<runs {
        for command in commands {
            let sample = try measure(command.executable, command.args, in: command.directory)
            walls[command.label, default: []].append(sample.wall)
            peaks[command.label] = max(peaks[command.label] ?? 0, sample.peakKB)
        }
    }
    return Dictionary(uniqueKeysWithValues: commands.map { ($0.label, (Spread(walls[$0.label]!), peaks[$0.label]!, walls[$0.label]!)) })
}

/// Run-by-run ratio of two commands' wall times.
func ratio(_ a: [Double], _ b: [Double]) -> Spread { Spread(zip(a, b).map { $0 / $1 }) }

// MARK: - The machine

func machine() -> String {
    let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
    let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }?.split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces) ?? "unknown CPU"
    var name = utsname()
    uname(&name)
    let kernel = withUnsafeBytes(of: &name.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    return "\(model), \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory / 1_073_741_824) GiB, Linux \(kernel)"
}

// MARK: - Run

let work = FileManager.default.temporaryDirectory.appendingPathComponent("replylint-benchmark")
try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
let texts = replyTexts()
let grep = onPath("grep") ?? "/usr/bin/grep"
let proselint = onPath("proselint")
let lintArgs = ["lint", "--quiet", "--max-warnings", "1000000000", "--format", "json"]

struct Row { var work: String; var target: String; var measured: String; var met: Bool? }
var rows: [Row] = []
var json: [(String, JSONValue)] = [
    ("schema", .int(2)),
    ("machine", .string(machine())),
    ("texts", .string(corpusPath != nil ? "shared corpus (real replies)" : "generated")),
    ("runs", .int(runs)),
]
func mark(_ met: Bool?) -> String { met.map { $0 ? "yes" : "MISSED" } ?? "—" }

// Start-up: the whole process for `--version`, against a process that does nothing.
let startup = try interleaved([
    ("replylint", binary, ["--version"], work),
    ("true", onPath("true") ?? "/bin/true", [], work),
], runs: runs * 4)
let startupMS = startup["replylint"]!.wall.median * 1000
rows.append(Row(work: "start-up (`replylint --version`)", target: "≤ 5 ms",
                measured: String(format: "%.1f ms (%.1f–%.1f); an empty process %.1f ms", startupMS, startup["replylint"]!.wall.min * 1000, startup["replylint"]!.wall.max * 1000, startup["true"]!.wall.median * 1000),
                met: startupMS <= 5))
json.append(("startup_ms", startup["replylint"]!.wall.milliseconds))

var perReply: [Int: Double] = [:]
for size in sizes {
    let library = try makeLibrary(size: size, texts: texts, in: work)
    var commands: [(label: String, executable: String, args: [String], directory: URL)] = [
        ("lint", binary, lintArgs, library),
        ("floor", grep, ["-r", "-c", "-F", "{{", "replies", "policies"], library),
    ]
    let withPeer = proselint != nil && size <= peerMax
    if withPeer { commands.append(("proselint", proselint!, ["check", "replies"], library)) }
    let big = size >= 100_000
    let result = try interleaved(commands, runs: big ? max(1, runs / 2) : runs)
    let lint = result["lint"]!
    let floor = result["floor"]!
    let overFloor = ratio(lint.walls, floor.walls)
    perReply[size] = lint.wall.median / Double(size)
    var entry: [(String, JSONValue)] = [
        ("lint_s", lint.wall.json), ("lint_peak_mb", .double(Double(lint.peakKB) / 1024)),
        ("floor_s", floor.wall.json), ("lint_over_floor", overFloor.json),
    ]
    rows.append(Row(work: "lint \(size) replies", target: size == 10_000 ? "≤ 10× the read floor" : "—",
                    measured: String(format: "%.3f s, %.0f replies/s, peak %.0f MB; %.1f× the floor (grep -r %.3f s)",
                                     lint.wall.median, Double(size) / lint.wall.median, Double(lint.peakKB) / 1024, overFloor.median, floor.wall.median),
                    met: size == 10_000 ? overFloor.median <= 10 : nil))
    if withPeer, let peer = result["proselint"] {
        let speedup = ratio(peer.walls, lint.walls)
        entry += [("proselint_s", peer.wall.json), ("speedup_vs_proselint", speedup.json)]
        rows.append(Row(work: "  vs proselint 0.16.0, same \(size) files", target: size == 10_000 ? "≥ 40×" : "—",
                        measured: String(format: "%.1f× (%.1f–%.1f; proselint %.1f s)", speedup.median, speedup.min, speedup.max, peer.wall.median),
                        met: size == 10_000 ? speedup.median >= 40 : nil))
    } else {
        rows.append(Row(work: "  vs proselint", target: "—", measured: proselint == nil ? "not installed (pip install proselint==0.16.0)" : "not run above --peer-max \(peerMax)", met: nil))
    }
    if big {
        rows.append(Row(work: "  peak memory at \(size)", target: "≤ 500 MB", measured: String(format: "%.0f MB", Double(lint.peakKB) / 1024), met: Double(lint.peakKB) / 1024 <= 500))
    }
    json.append(("size_\(size)", .object(entry)))
}
if let small = perReply[10_000], let large = perReply[100_000] {
    rows.append(Row(work: "per-reply cost, 100k / 10k", target: "≤ 1.2×", measured: String(format: "%.2f×", large / small), met: large / small <= 1.2))
    json.append(("per_reply_ratio_100k_10k", .double(large / small)))
}

// Pre-commit: 5 changed files of a 2,000-reply library, process start included.
let hookLibrary = try makeLibrary(size: 2_000, texts: texts, in: work)
let changed = (0..<5).map { "replies/topic-\($0 * 7 % 30)/reply-\($0 * 7).md" }
let hook = try interleaved([("hook", binary, ["lint"] + changed, hookLibrary)], runs: runs * 2)["hook"]!
rows.append(Row(work: "pre-commit: 5 files of 2,000", target: "≤ 60 ms", measured: String(format: "%.0f ms (%.0f–%.0f)", hook.wall.median * 1000, hook.wall.min * 1000, hook.wall.max * 1000), met: hook.wall.median * 1000 <= 60))
json.append(("precommit_ms", hook.wall.milliseconds))

// Rendering: one CLI render, and in-process throughput.
let cliRender = try interleaved([("render", binary, ["render", "topic-1/reply-1", "--channel", "x-dm", "--var", "customer.first_name=Ana", "--var", "agent.full_name=Jo Reyes"], hookLibrary)], runs: runs * 2)["render"]!
rows.append(Row(work: "one CLI render", target: "≤ 10 ms", measured: String(format: "%.1f ms (%.1f–%.1f)", cliRender.wall.median * 1000, cliRender.wall.min * 1000, cliRender.wall.max * 1000), met: cliRender.wall.median * 1000 <= 10))
json.append(("cli_render_ms", cliRender.wall.milliseconds))

let loaded = try LibraryLoader(root: hookLibrary.path, displayBase: hookLibrary.path, configuration: try LibraryLoader.loadConfiguration(
    root: hookLibrary.path, explicitFile: nil, displayBase: hookLibrary.path, rules: RuleRegistry.descriptions), knownRules: RuleRegistry.ids).load()
let renderer = ReplyRenderer(library: loaded)
var values = TemplateValue.object([:])
values.set(.string("Ana"), at: "customer.first_name")
values.set(.string("Jordan Reyes"), at: "agent.full_name")
let renderCount = 20_000
let renderIDs = (0..<30).map { "topic-\($0)/reply-\($0)" }
let renderChannels = renderIDs.map { renderer.reply($0)?.channelIDs.first }
let renderStart = DispatchTime.now()
for index in 0..<renderCount {
    _ = try? renderer.render(id: renderIDs[index % 30], channel: renderChannels[index % 30], values: values)
}
let renderSeconds = Double(DispatchTime.now().uptimeNanoseconds - renderStart.uptimeNanoseconds) / 1e9
let templates = TemplateRenderer(partials: loaded.partials)
let template = renderer.reply(renderIDs[1])!.template
let templateStart = DispatchTime.now()
for _ in 0..<(renderCount * 5) { _ = try templates.render(template, context: values) }
let templateSeconds = Double(DispatchTime.now().uptimeNanoseconds - templateStart.uptimeNanoseconds) / 1e9
rows.append(Row(work: "render in-process", target: "≥ 100,000/s", measured: String(format: "%.0f/s filling the template; %.0f/s with the checks a render runs after", Double(renderCount * 5) / templateSeconds, Double(renderCount) / renderSeconds), met: Double(renderCount * 5) / templateSeconds >= 100_000))
json.append(("template_renders_per_s", .double(Double(renderCount * 5) / templateSeconds)))
json.append(("renders_per_s", .double(Double(renderCount) / renderSeconds)))

// MARK: - Report

print("ReplyLint benchmark — \(machine())")
print("texts: \(corpusPath != nil ? "shared corpus (real replies)" : "generated"); \(runs) runs each, interleaved; whole processes; medians (min–max); ratios run by run\n")
let widths = (rows.map(\.work.count).max() ?? 0, rows.map(\.target.count).max() ?? 0)
print("work".padding(toLength: widths.0 + 2, withPad: " ", startingAt: 0) + "target".padding(toLength: widths.1 + 2, withPad: " ", startingAt: 0) + "met     measured")
for row in rows {
    print(row.work.padding(toLength: widths.0 + 2, withPad: " ", startingAt: 0) + row.target.padding(toLength: widths.1 + 2, withPad: " ", startingAt: 0)
          + mark(row.met).padding(toLength: 8, withPad: " ", startingAt: 0) + row.measured)
}
let previous = (try? Data(contentsOf: URL(fileURLWithPath: outputPath))).flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
if let previous, previous["schema"] as? Int == 2 {
    print("\nAgainst the previous run (\(outputPath), \(previous["machine"] as? String ?? "?")):")
    for key in ["startup_ms", "precommit_ms", "cli_render_ms"] {
        if let old = (previous[key] as? [String: Any])?["median"] as? Double,
           case .object(let pairs)? = json.first(where: { $0.0 == key })?.1, case .double(let now)? = pairs.first(where: { $0.0 == "median" })?.1 {
            print(String(format: "  %@: %.1f → %.1f ms", key, old, now))
        }
    }
    for size in sizes {
        if let old = (previous["size_\(size)"] as? [String: Any])?["lint_over_floor"] as? [String: Any], let oldRatio = old["median"] as? Double,
           case .object(let pairs)? = json.first(where: { $0.0 == "size_\(size)" })?.1,
           case .object(let ratio)? = pairs.first(where: { $0.0 == "lint_over_floor" })?.1, case .double(let now)? = ratio.first(where: { $0.0 == "median" })?.1 {
            print(String(format: "  lint %d over the floor: %.1f× → %.1f×", size, oldRatio, now))
        }
    }
}
try Data(JSONValue.object(json).serialized(pretty: true).utf8).write(to: URL(fileURLWithPath: outputPath))
print("\nwrote \(outputPath)")
