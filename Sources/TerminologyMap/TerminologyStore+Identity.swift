public import Foundation
import MedTextCore

extension TerminologyStore {
    /// What identifies this database's content, for keying artefacts derived from it (the
    /// compiled-lexicon image): the schema version, every `metadata` row (cache key, builder
    /// version, normalizer fingerprint), every `build_source` row (each input's name, version
    /// and SHA-256), and the file's size and modification time, so that a database rebuilt,
    /// re-imported or edited in place gets a new identity. Two small queries and a `stat`.
    public func contentIdentity() throws(TerminologyError) -> String {
        var h = SHA256()
        try withDatabase { db throws(TerminologyError) in
            h.update("schema=\(Schema.version)\n")
            let m = try db.cached("SELECT key, value FROM metadata ORDER BY key")
            while try m.step() { h.update("metadata\t\(m.text(0))\t\(m.text(1))\n") }
            let s = try db.cached("SELECT kind, name, coalesce(version, ''), sha256, rows FROM build_source ORDER BY id")
            while try s.step() { h.update("source\t\(s.text(0))\t\(s.text(1))\t\(s.text(2))\t\(s.text(3))\t\(s.int(4))\n") }
        }
        var st = stat()
        if stat(url.path, &st) == 0 {
            #if canImport(Darwin)
            let mtime = Int(st.st_mtimespec.tv_sec) * 1_000_000_000 + Int(st.st_mtimespec.tv_nsec)
            #else
            let mtime = Int(st.st_mtim.tv_sec) * 1_000_000_000 + Int(st.st_mtim.tv_nsec)
            #endif
            h.update("file\t\(st.st_size)\t\(mtime)\t\(st.st_ino)\n")
        }
        return h.finalize().hex
    }
}
