import EntityRecognizer
import Foundation
import MedTextCore
import TerminologyMap

/// Compiled-lexicon images (``CompiledLexicon/image(key:)``) in a folder, one file per key
/// (`lexicon-<first 16 hex digits of the key>.mtximg`), so that building an annotator loads the
/// compiled matcher instead of reading 50,000 terms from SQLite and compiling them (DESIGN.md
/// "Compiled lexicon images").
///
/// The key is a SHA-256 over everything the compiled lexicon is derived from: the image format
/// version, the medtext version, the program's identity (the executable's path, size,
/// modification time and inode: a rebuilt program may compile differently), the normalizer's
/// fingerprint, the terminology's ``TerminologyStore/contentIdentity()`` and the contents of
/// every rule file in `context/` and `sig/` (stop terms and fused negations become terms; the
/// ConText, signature and time phrases decide token ids and number variants). A change to
/// any of them gives another key, so a stale image is never found; a damaged one fails its
/// checksum. Either way the lexicon is compiled from the terminology and a fresh image written.
/// Writing is best effort (atomic rename; an unwritable folder only costs the speed-up).
///
/// The PHI vocabulary's images (kind `phi`) are keyed the same way on the contents of every
/// `phi/` file (``PHIPipeline``).
struct LexiconImageCache {
    /// How many images of each kind the folder keeps (most recently written first).
    static let keptImages = 4
    static let fileExtension = "mtximg"

    let directory: URL
    /// The kind of image: `lexicon` (``CompiledLexicon``) or `phi` (``PHIVocabulary``).
    var kind = "lexicon"
    let key: [UInt8]

    var fileURL: URL {
        directory.appendingPathComponent("\(kind)-\(key.prefix(8).map { String(format: "%02x", $0) }.joined()).\(Self.fileExtension)")
    }

    /// The key for a lexicon compiled from `store` and the rule files in `lexiconsDirectory`.
    /// - Throws: when the terminology's identity or a rule file cannot be read.
    static func key(store: TerminologyStore, lexiconsDirectory: URL) throws -> [UInt8] {
        var h = SHA256()
        h.update("medtext compiled lexicon image \(CompiledLexicon.imageFormatVersion)\nmedtext=\(MedTextVersion.string)\n")
        h.update("program=\(programIdentity)\n")
        h.update("normalizer=\(normalizerFingerprint(MedTextTerminology.normalizer))\n")
        h.update("terminology=\(try store.contentIdentity())\n")
        // Every rule file the recognizer reads (stop terms and fused negations become terms;
        // ConText, signature and time phrases are interned into the same dictionary and decide
        // token ids and number variants): all of `context/` and `sig/`, by content.
        let fm = FileManager.default
        for sub in ["context", "sig"] {
            let folder = lexiconsDirectory.appendingPathComponent(sub)
            for name in try fm.contentsOfDirectory(atPath: folder.path).sorted() where !name.hasPrefix(".") {
                let data = try Data(contentsOf: folder.appendingPathComponent(name))
                h.update("\(sub)/\(name)\t\(data.count)\t\(data.withUnsafeBytes { imageChecksum($0) })\n")
            }
        }
        return h.finalize()
    }

    /// The running executable's path, size, modification time and inode ("" when unknown: the
    /// key then still names every data input).
    static let programIdentity: String = {
        #if os(Linux)
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? ""
        #else
        let path = Bundle.main.executablePath ?? ""
        #endif
        var st = stat()
        guard !path.isEmpty, stat(path, &st) == 0 else { return "" }
        #if canImport(Darwin)
        let mtime = Int(st.st_mtimespec.tv_sec) * 1_000_000_000 + Int(st.st_mtimespec.tv_nsec)
        #else
        let mtime = Int(st.st_mtim.tv_sec) * 1_000_000_000 + Int(st.st_mtim.tv_nsec)
        #endif
        return "\(path)\t\(st.st_size)\t\(mtime)\t\(st.st_ino)"
    }()

    /// The compiled lexicon for this key, or why there is none usable (missing, stale, damaged).
    func load() -> Result<CompiledLexicon, LexiconImageError> {
        load { image throws(LexiconImageError) in try CompiledLexicon(image: image, key: key) }
    }

    /// The image for this key, mapped read-only and decoded by `decode`, or why there is none
    /// usable. Tables that `decode` keeps in place keep the mapping alive; it is unmapped when
    /// the last of them goes away.
    func load<T>(_ decode: (ImageStorage) throws(LexiconImageError) -> T) -> Result<T, LexiconImageError> {
        let fd = open(fileURL.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(LexiconImageError(kind: .missing, detail: "no image for these inputs")) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_size > 0 else { return .failure(LexiconImageError(kind: .truncated, detail: "empty image")) }
        let size = Int(st.st_size)
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else {
            return .failure(LexiconImageError(kind: .missing, detail: "cannot map the image"))
        }
        let storage = ImageStorage(bytes: UnsafeRawBufferPointer(start: base, count: size)) { bytes in
            munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count)
        }
        return Result { () throws(LexiconImageError) in try decode(storage) }
    }

    /// Writes `lexicon`'s image for this key (temporary file, then `rename(2)`), and removes the
    /// oldest images beyond ``keptImages``. Failures are ignored: the image is only a speed-up.
    func save(_ lexicon: CompiledLexicon) { save(bytes: lexicon.image(key: key)) }

    /// Writes an image's bytes for this key (see ``save(_:)``).
    func save(bytes: [UInt8]) {
        let fm = FileManager.default
        try? fm.createDirectory(at: directory, withIntermediateDirectories: true)
        let tmp = directory.appendingPathComponent(".\(fileURL.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        let fd = open(tmp.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return }
        var written = 0
        bytes.withUnsafeBytes { b in
            while written < b.count {
                let n = write(fd, b.baseAddress! + written, b.count - written)
                if n <= 0 { break }
                written += n
            }
        }
        close(fd)
        guard written == bytes.count, rename(tmp.path, fileURL.path) == 0 else {
            unlink(tmp.path)
            return
        }
        let images = ((try? fm.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasPrefix(kind + "-") && $0.hasSuffix("." + Self.fileExtension) && $0 != fileURL.lastPathComponent }
            .map { name -> (String, Date) in
                let date = (try? fm.attributesOfItem(atPath: directory.appendingPathComponent(name).path)[.modificationDate] as? Date) ?? .distantPast
                return (name, date)
            }
            .sorted { $0.1 > $1.1 }
        for (name, _) in images.dropFirst(Self.keptImages - 1) { unlink(directory.appendingPathComponent(name).path) }
    }
}

extension MedTextAnnotator {
    /// Writes the compiled images (lexicon and PHI vocabulary) for `configuration` when they are
    /// missing or stale, so the next annotator loads them: `medtext terminology build` and
    /// `import` call it for the database they wrote. Returns false when images are off
    /// (``MedTextConfiguration/lexiconImageDirectory`` is nil).
    /// - Throws: what building the annotator throws (``PipelineBuildError``).
    @discardableResult
    public static func writeCompiledImages(configuration: MedTextConfiguration) throws -> Bool {
        guard configuration.lexiconImageDirectory != nil else { return false }
        _ = try MedTextAnnotator(configuration: configuration)
        return true
    }
}
