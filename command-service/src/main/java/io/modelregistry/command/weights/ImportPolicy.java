package io.modelregistry.command.weights;

import io.modelregistry.api.artifact.ScanLevel;
import java.util.Map;
import java.util.Set;

/**
 * Which imports a weights pickle may name. The safe list is what {@code torch.save} of tensors and state dicts,
 * NumPy arrays and plain containers need (after picklescan's and PyTorch's own {@code weights_only} allow-lists);
 * the dangerous list is what runs code, starts processes or reaches files and the network (after picklescan's and
 * ModelScan's). Anything else (a model class of the author's own, a library's helper) is unknown: a loader would
 * import and run it, so it is shown, but not refused.
 */
final class ImportPolicy {

    /** The rules' name, recorded with every scan, changed whenever a list changes. */
    static final String VERSION = "pickle-imports-1";

    private static final String ANY = "*";

    private static final Map<String, Set<String>> SAFE = Map.ofEntries(
            Map.entry("collections", Set.of("OrderedDict", "defaultdict", "Counter", "deque")),
            Map.entry("torch", Set.of("Size", "device", "dtype", "layout", "memory_format", "finfo", "iinfo",
                    "BFloat16Storage", "BoolStorage", "ByteStorage", "CharStorage", "ComplexDoubleStorage",
                    "ComplexFloatStorage", "DoubleStorage", "FloatStorage", "HalfStorage", "IntStorage",
                    "LongStorage", "QInt32Storage", "QInt8Storage", "QUInt8Storage", "QUInt4x2Storage",
                    "QUInt2x4Storage", "ShortStorage", "UntypedStorage", "TypedStorage", "Tensor",
                    "bfloat16", "float16", "half", "float32", "float", "float64", "double", "complex64",
                    "complex128", "int8", "int16", "short", "int32", "int", "int64", "long", "uint8", "bool",
                    "float8_e4m3fn", "float8_e5m2", "per_tensor_affine", "per_channel_affine", "strided",
                    "sparse_coo", "contiguous_format", "channels_last", "preserve_format")),
            Map.entry("torch._utils", Set.of("_rebuild_tensor", "_rebuild_tensor_v2", "_rebuild_tensor_v3",
                    "_rebuild_parameter", "_rebuild_parameter_with_state", "_rebuild_qtensor",
                    "_rebuild_sparse_tensor", "_rebuild_meta_tensor_no_storage", "_rebuild_nested_tensor",
                    "_rebuild_wrapper_subclass", "_rebuild_device_tensor_from_numpy")),
            Map.entry("torch._tensor", Set.of("_rebuild_from_type_v2")),
            Map.entry("torch.nn.parameter", Set.of("Parameter", "Buffer")),
            Map.entry("torch.serialization", Set.of("_get_layout")),
            Map.entry("torch.storage", Set.of("UntypedStorage", "TypedStorage")),
            Map.entry("numpy", Set.of("dtype", "ndarray", "float16", "float32", "float64", "int8", "int16",
                    "int32", "int64", "uint8", "uint16", "uint32", "uint64", "bool_", "complex64", "complex128")),
            Map.entry("numpy.core.multiarray", Set.of("_reconstruct", "scalar")),
            Map.entry("numpy._core.multiarray", Set.of("_reconstruct", "scalar")),
            Map.entry("numpy.dtype", Set.of("dtype")),
            Map.entry("numpy.dtypes", Set.of(ANY)),
            Map.entry("_codecs", Set.of("encode")),
            Map.entry("copyreg", Set.of("_reconstructor")),
            Map.entry("copy_reg", Set.of("_reconstructor")),
            Map.entry("builtins", Set.of("set", "frozenset", "slice", "range", "complex", "bytearray", "bytes",
                    "int", "float", "str", "list", "dict", "tuple", "bool", "object")),
            Map.entry("__builtin__", Set.of("set", "frozenset", "slice", "complex", "bytearray", "int", "float",
                    "str", "unicode", "list", "dict", "tuple", "bool", "object", "long")));

    /** Modules dangerous with everything in them ({@code *}), or only the named callables. */
    private static final Map<String, Set<String>> DANGEROUS = Map.ofEntries(
            Map.entry("builtins", Set.of("eval", "exec", "execfile", "compile", "open", "input", "getattr",
                    "setattr", "delattr", "__import__", "globals", "locals", "vars", "breakpoint", "apply",
                    "memoryview", "help", "exit", "quit")),
            Map.entry("__builtin__", Set.of("eval", "exec", "execfile", "compile", "open", "file", "input",
                    "raw_input", "getattr", "setattr", "delattr", "__import__", "globals", "locals", "vars",
                    "apply", "reload")),
            Map.entry("os", Set.of(ANY)), Map.entry("posix", Set.of(ANY)), Map.entry("nt", Set.of(ANY)),
            Map.entry("subprocess", Set.of(ANY)), Map.entry("sys", Set.of(ANY)), Map.entry("socket", Set.of(ANY)),
            Map.entry("shutil", Set.of(ANY)), Map.entry("runpy", Set.of(ANY)), Map.entry("webbrowser", Set.of(ANY)),
            Map.entry("pty", Set.of(ANY)), Map.entry("commands", Set.of(ANY)), Map.entry("popen2", Set.of(ANY)),
            Map.entry("platform", Set.of(ANY)), Map.entry("pickle", Set.of(ANY)), Map.entry("_pickle", Set.of(ANY)),
            Map.entry("cPickle", Set.of(ANY)), Map.entry("dill", Set.of(ANY)), Map.entry("marshal", Set.of(ANY)),
            Map.entry("importlib", Set.of(ANY)), Map.entry("imp", Set.of(ANY)), Map.entry("ctypes", Set.of(ANY)),
            Map.entry("code", Set.of(ANY)), Map.entry("codeop", Set.of(ANY)), Map.entry("bdb", Set.of(ANY)),
            Map.entry("pdb", Set.of(ANY)), Map.entry("timeit", Set.of(ANY)), Map.entry("asyncio", Set.of(ANY)),
            Map.entry("multiprocessing", Set.of(ANY)), Map.entry("threading", Set.of(ANY)),
            Map.entry("_thread", Set.of(ANY)), Map.entry("signal", Set.of(ANY)), Map.entry("tempfile", Set.of(ANY)),
            Map.entry("pathlib", Set.of(ANY)), Map.entry("glob", Set.of(ANY)), Map.entry("io", Set.of(ANY)),
            Map.entry("_io", Set.of(ANY)), Map.entry("fileinput", Set.of(ANY)), Map.entry("urllib", Set.of(ANY)),
            Map.entry("urllib2", Set.of(ANY)), Map.entry("http", Set.of(ANY)), Map.entry("httplib", Set.of(ANY)),
            Map.entry("ftplib", Set.of(ANY)), Map.entry("smtplib", Set.of(ANY)), Map.entry("telnetlib", Set.of(ANY)),
            Map.entry("requests", Set.of(ANY)), Map.entry("aiohttp", Set.of(ANY)), Map.entry("ssl", Set.of(ANY)),
            Map.entry("pip", Set.of(ANY)), Map.entry("venv", Set.of(ANY)), Map.entry("ensurepip", Set.of(ANY)),
            Map.entry("distutils", Set.of(ANY)), Map.entry("setuptools", Set.of(ANY)), Map.entry("pydoc", Set.of(ANY)),
            Map.entry("cProfile", Set.of("run", "runctx")), Map.entry("profile", Set.of("run", "runctx")),
            Map.entry("trace", Set.of(ANY)), Map.entry("doctest", Set.of(ANY)), Map.entry("zipimport", Set.of(ANY)),
            Map.entry("operator", Set.of("attrgetter", "methodcaller", "itemgetter")),
            Map.entry("functools", Set.of("partial", "reduce")),
            Map.entry("numpy.testing._private.utils", Set.of("runstring")),
            Map.entry("torch.serialization", Set.of("load", "_load")),
            Map.entry("torch.hub", Set.of(ANY)), Map.entry("torch.jit", Set.of(ANY)),
            Map.entry("torch._dynamo", Set.of(ANY)), Map.entry("torch._inductor", Set.of(ANY)),
            Map.entry("torch.utils.cpp_extension", Set.of(ANY)), Map.entry("copyreg.extension", Set.of(ANY)));

    private ImportPolicy() {
    }

    /** The level of one import; an unresolved one ({@code module == null}) is dangerous. */
    static ScanLevel classify(PickleImports.Import imported) {
        if (imported.module() == null) {
            return ScanLevel.DANGEROUS;
        }
        String module = imported.module();
        String name = imported.name();
        // a dotted name reaches attributes: builtins.getattr's work done by find_class itself on protocol 4
        String head = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        if (listed(DANGEROUS, module, head) || listed(DANGEROUS, module, name)) {
            return ScanLevel.DANGEROUS;
        }
        if (!name.contains(".") && listedExactly(SAFE, module, name)) {
            return ScanLevel.SAFE;
        }
        return ScanLevel.SUSPICIOUS;
    }

    /** Dangerous modules match their submodules too ({@code os.path}, {@code subprocess._posixsubprocess}). */
    private static boolean listed(Map<String, Set<String>> list, String module, String name) {
        for (String candidate = module; ; candidate = candidate.substring(0, candidate.lastIndexOf('.'))) {
            Set<String> names = list.get(candidate);
            if (names != null && (names.contains(ANY) && isPackageOf(candidate, module) || names.contains(name)
                    && candidate.equals(module))) {
                return true;
            }
            if (candidate.indexOf('.') < 0) {
                return false;
            }
        }
    }

    private static boolean isPackageOf(String candidate, String module) {
        return module.equals(candidate) || module.startsWith(candidate + ".");
    }

    private static boolean listedExactly(Map<String, Set<String>> list, String module, String name) {
        Set<String> names = list.get(module);
        return names != null && (names.contains(name) || names.contains(ANY));
    }
}
