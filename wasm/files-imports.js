// The WASI preview1 functions wasm/files.c imports that Emscripten 3.1.6's own JS library
// does not define. Emscripten checks every undefined symbol against its JS library at link
// time; these entries only satisfy that check: the module is standalone (no JS is emitted),
// so they stay imports from wasi_snapshot_preview1, provided by the host.
mergeInto(LibraryManager.library, {
  fd_prestat_get: function() { abort('provided by the WASI host'); },
  fd_prestat_dir_name: function() { abort('provided by the WASI host'); },
  fd_filestat_get: function() { abort('provided by the WASI host'); },
  fd_filestat_set_size: function() { abort('provided by the WASI host'); },
  path_open: function() { abort('provided by the WASI host'); },
  path_filestat_get: function() { abort('provided by the WASI host'); },
  path_create_directory: function() { abort('provided by the WASI host'); },
  path_unlink_file: function() { abort('provided by the WASI host'); },
  path_rename: function() { abort('provided by the WASI host'); },
});
