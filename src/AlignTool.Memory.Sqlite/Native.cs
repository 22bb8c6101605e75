using System.Runtime.InteropServices;

namespace AlignTool.Memory.Sqlite;

/// <summary>
/// The few SQLite C functions a <see cref="Statement"/> calls millions of times in an ingest, as function pointers
/// into the very library SQLitePCLRaw loaded (resolved through its provider's assembly, so the same file and the same
/// process-wide instance the connections run on).
/// <para>Going through SQLitePCLRaw costs, per call, an interface dispatch to its provider, a SafeHandle reference
/// taken and released, and a switch of the thread to preemptive mode for the garbage collector: about as much as
/// SQLite's own work for a bind. The binds and column reads here copy a few bytes and never block or call back into
/// .NET, so they run without that switch (<c>SuppressGCTransition</c>); step and reset, which may do I/O and wait on
/// locks, keep it.</para>
/// </summary>
internal static unsafe class Native
{
    private static readonly IntPtr Library =
        NativeLibrary.Load("e_sqlite3", typeof(SQLitePCL.SQLite3Provider_e_sqlite3).Assembly, null);

    private static IntPtr Export(string name) => NativeLibrary.GetExport(Library, name);

    /// <summary>SQLITE_TRANSIENT: SQLite copies the bytes before the call returns.</summary>
    public static readonly IntPtr Transient = new(-1);

    public static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<IntPtr, int, long, int> BindInt64 =
        (delegate* unmanaged[Cdecl, SuppressGCTransition]<IntPtr, int, long, int>)Export("sqlite3_bind_int64");

    public static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<IntPtr, int, int> BindNull =
        (delegate* unmanaged[Cdecl, SuppressGCTransition]<IntPtr, int, int>)Export("sqlite3_bind_null");

    public static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<IntPtr, int, byte*, int, IntPtr, int> BindText =
        (delegate* unmanaged[Cdecl, SuppressGCTransition]<IntPtr, int, byte*, int, IntPtr, int>)Export("sqlite3_bind_text");

    public static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<IntPtr, int, byte*, int, IntPtr, int> BindBlob =
        (delegate* unmanaged[Cdecl, SuppressGCTransition]<IntPtr, int, byte*, int, IntPtr, int>)Export("sqlite3_bind_blob");

    public static readonly delegate* unmanaged[Cdecl]<IntPtr, int> Step =
        (delegate* unmanaged[Cdecl]<IntPtr, int>)Export("sqlite3_step");

    public static readonly delegate* unmanaged[Cdecl]<IntPtr, int> Reset =
        (delegate* unmanaged[Cdecl]<IntPtr, int>)Export("sqlite3_reset");

    public static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<IntPtr, int, long> ColumnInt64 =
        (delegate* unmanaged[Cdecl, SuppressGCTransition]<IntPtr, int, long>)Export("sqlite3_column_int64");

    public static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<IntPtr, int, int> ColumnType =
        (delegate* unmanaged[Cdecl, SuppressGCTransition]<IntPtr, int, int>)Export("sqlite3_column_type");

    public static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<IntPtr, int, byte*> ColumnText =
        (delegate* unmanaged[Cdecl, SuppressGCTransition]<IntPtr, int, byte*>)Export("sqlite3_column_text");

    public static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<IntPtr, int, byte*> ColumnBlob =
        (delegate* unmanaged[Cdecl, SuppressGCTransition]<IntPtr, int, byte*>)Export("sqlite3_column_blob");

    public static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<IntPtr, int, int> ColumnBytes =
        (delegate* unmanaged[Cdecl, SuppressGCTransition]<IntPtr, int, int>)Export("sqlite3_column_bytes");

    public static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<IntPtr, IntPtr> DbHandle =
        (delegate* unmanaged[Cdecl, SuppressGCTransition]<IntPtr, IntPtr>)Export("sqlite3_db_handle");
}
