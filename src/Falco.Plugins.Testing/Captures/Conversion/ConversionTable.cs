using System.Collections.Frozen;
using System.Collections.Generic;
using Code = Falco.Plugins.Syscalls.EventCode;

namespace Falco.Plugins.Testing.Captures.Conversion;

/// <summary>
/// libscap's conversion table for the event table of schema 4.5.1: one rule per (code, number
/// of parameters) of an event the converter manages. Enter events are stored for their exit
/// event; old exit events are rebuilt as the latest version of their code, taking the
/// parameters they lack from their enter event, or leaving them empty.
/// </summary>
internal static class ConversionTable
{
    private static readonly ConversionInstruction Empty = new(ParamSource.Empty);
    private static readonly ConversionInstruction Default = new(ParamSource.Default);
    private static readonly ConversionInstruction ContainerJson = new(ParamSource.Builder, Builder: ContainerJsonParam.Build);

    private static readonly FrozenDictionary<(ushort Code, int ParamCount), ConversionRule> ByKey = Index(CreateRules());

    /// <summary>Every rule.</summary>
    public static IReadOnlyCollection<ConversionRule> Rules => ByKey.Values;

    /// <summary>The rule for events of <paramref name="code"/> carrying <paramref name="paramCount"/> parameters.</summary>
    public static bool TryGet(ushort code, int paramCount, out ConversionRule? rule) =>
        ByKey.TryGetValue((code, paramCount), out rule);

    private static FrozenDictionary<(ushort Code, int ParamCount), ConversionRule> Index(ConversionRule[] rules)
    {
        var byKey = new Dictionary<(ushort Code, int ParamCount), ConversionRule>(rules.Length);
        foreach (ConversionRule rule in rules)
        {
            byKey.Add(((ushort)rule.Code, rule.ParamCount), rule);
        }

        return byKey.ToFrozenDictionary();
    }

    private static ConversionInstruction Old(byte index) => new(ParamSource.Old, index);

    private static ConversionInstruction Enter(byte index) => new(ParamSource.Enter, index);

    private static ConversionInstruction EnterOrEmpty(byte index) => new(ParamSource.Enter, index, FallbackToEmpty: true);

    private static ConversionRule Pass(Code code, int paramCount) => new(code, paramCount, ConversionAction.Pass, code, []);

    private static ConversionRule Store(Code code, int paramCount) => new(code, paramCount, ConversionAction.Store, code, []);

    private static ConversionRule StoreAndPass(Code code, int paramCount) => new(code, paramCount, ConversionAction.StoreAndPass, code, []);

    private static ConversionRule AddParams(Code code, int paramCount, params ConversionInstruction[] added) =>
        new(code, paramCount, ConversionAction.AddParams, code, added);

    private static ConversionRule ChangeType(Code code, int paramCount, Code desired, params ConversionInstruction[] parameters) =>
        new(code, paramCount, ConversionAction.ChangeType, desired, parameters);

    private static ConversionRule[] CreateRules() =>
    [
        // generic
        Store(Code.GenericEnter, 2),
        AddParams(Code.GenericExit, 1, EnterOrEmpty(1)),
        // open
        AddParams(Code.SyscallOpenEnter, 0, Empty, Empty, Empty),
        Pass(Code.SyscallOpenEnter, 3),
        AddParams(Code.SyscallOpenExit, 4, Empty),
        AddParams(Code.SyscallOpenExit, 5, Empty),
        // close
        Store(Code.SyscallCloseEnter, 1),
        AddParams(Code.SyscallCloseExit, 1, Enter(0)),
        // read
        Store(Code.SyscallReadEnter, 2),
        AddParams(Code.SyscallReadExit, 2, Enter(0), Enter(1)),
        // link
        Store(Code.SyscallLinkEnter, 2),
        ChangeType(Code.SyscallLinkExit, 1, Code.SyscallLink2Exit, Old(0), EnterOrEmpty(0), EnterOrEmpty(1)),
        // linkat
        Store(Code.SyscallLinkatEnter, 4),
        ChangeType(Code.SyscallLinkatExit, 1, Code.SyscallLinkat2Exit, Old(0), EnterOrEmpty(0), EnterOrEmpty(1), EnterOrEmpty(2), EnterOrEmpty(3), Empty),
        // unlink
        Store(Code.SyscallUnlinkEnter, 1),
        ChangeType(Code.SyscallUnlinkExit, 1, Code.SyscallUnlink2Exit, Old(0), EnterOrEmpty(0)),
        // unlinkat
        Store(Code.SyscallUnlinkatEnter, 2),
        ChangeType(Code.SyscallUnlinkatExit, 1, Code.SyscallUnlinkat2Exit, Old(0), EnterOrEmpty(0), EnterOrEmpty(1), Empty),
        // pread
        Store(Code.SyscallPreadEnter, 3),
        AddParams(Code.SyscallPreadExit, 2, Enter(0), Enter(1), Enter(2)),
        // dup
        Store(Code.SyscallDupEnter, 1),
        ChangeType(Code.SyscallDupExit, 1, Code.SyscallDup1Exit, Old(0), EnterOrEmpty(0)),
        // signalfd
        Store(Code.SyscallSignalfdEnter, 3),
        AddParams(Code.SyscallSignalfdExit, 1, Enter(0), Enter(1), Enter(2)),
        // kill
        Store(Code.SyscallKillEnter, 2),
        AddParams(Code.SyscallKillExit, 1, Enter(0), Enter(1)),
        // tkill
        Store(Code.SyscallTkillEnter, 2),
        AddParams(Code.SyscallTkillExit, 1, Enter(0), Enter(1)),
        // tgkill
        Store(Code.SyscallTgkillEnter, 3),
        AddParams(Code.SyscallTgkillExit, 1, Enter(0), Enter(1), Enter(2)),
        // nanosleep
        Store(Code.SyscallNanosleepEnter, 1),
        AddParams(Code.SyscallNanosleepExit, 1, Enter(0)),
        // timerfd_create
        Store(Code.SyscallTimerfdCreateEnter, 2),
        AddParams(Code.SyscallTimerfdCreateExit, 1, Enter(0), Enter(1)),
        // inotify_init
        Store(Code.SyscallInotifyInitEnter, 1),
        AddParams(Code.SyscallInotifyInitExit, 1, Enter(0)),
        // getrlimit
        Store(Code.SyscallGetrlimitEnter, 1),
        AddParams(Code.SyscallGetrlimitExit, 3, Enter(0)),
        // setrlimit
        Store(Code.SyscallSetrlimitEnter, 1),
        AddParams(Code.SyscallSetrlimitExit, 3, Enter(0)),
        // prlimit
        Store(Code.SyscallPrlimitEnter, 2),
        AddParams(Code.SyscallPrlimitExit, 5, EnterOrEmpty(0), EnterOrEmpty(1)),
        // schedswitch
        ChangeType(Code.Schedswitch1Enter, 1, Code.Schedswitch6Enter, Old(0), Empty, Empty, Empty, Empty, Empty),
        // fcntl
        Store(Code.SyscallFcntlEnter, 2),
        AddParams(Code.SyscallFcntlExit, 1, Enter(0), Enter(1)),
        // fcntl's exit gained arg in this event table; captures older than it never carried it.
        AddParams(Code.SyscallFcntlExit, 3, Empty),
        // brk
        Store(Code.SyscallBrk1Enter, 1),
        ChangeType(Code.SyscallBrk1Exit, 1, Code.SyscallBrk4Exit, Old(0), EnterOrEmpty(0), Empty, Empty, Empty),
        Store(Code.SyscallBrk4Enter, 1),
        AddParams(Code.SyscallBrk4Exit, 4, EnterOrEmpty(0)),
        // execve
        ChangeType(Code.SyscallExecve8Enter, 0, Code.SyscallExecve13Enter),
        ChangeType(Code.SyscallExecve8Exit, 8, Code.SyscallExecve13Exit, Old(0), Old(1), Old(2), Old(3), Old(4), Old(5), Old(6), Old(7), Empty, Empty, Empty, Empty, Empty),
        ChangeType(Code.SyscallExecve13Enter, 0, Code.SyscallExecve14Enter),
        ChangeType(Code.SyscallExecve13Exit, 13, Code.SyscallExecve14Exit, Old(0), Old(1), Old(2), Old(3), Old(4), Old(5), Old(6), Old(7), Old(8), Old(9), Old(10), Old(11), Old(12), Empty),
        ChangeType(Code.SyscallExecve14Enter, 0, Code.SyscallExecve15Enter),
        ChangeType(Code.SyscallExecve14Exit, 14, Code.SyscallExecve15Exit, Old(0), Old(1), Old(2), Old(3), Old(4), Old(5), Old(6), Old(7), Old(8), Old(9), Old(10), Old(11), Old(12), Empty, Old(13)),
        ChangeType(Code.SyscallExecve15Enter, 0, Code.SyscallExecve16Enter),
        ChangeType(Code.SyscallExecve15Exit, 15, Code.SyscallExecve16Exit, Old(0), Old(1), Old(2), Old(3), Old(4), Old(5), Old(6), Old(7), Old(8), Old(9), Old(10), Old(11), Old(12), Old(13), Empty, Old(14)),
        ChangeType(Code.SyscallExecve16Enter, 0, Code.SyscallExecve17Enter),
        ChangeType(Code.SyscallExecve16Exit, 16, Code.SyscallExecve17Exit, Old(0), Old(1), Old(2), Old(3), Old(4), Old(5), Old(6), Old(7), Old(8), Old(9), Old(10), Old(11), Old(12), Old(13), Old(14), Old(15), Empty),
        ChangeType(Code.SyscallExecve17Enter, 0, Code.SyscallExecve18Enter, Empty),
        ChangeType(Code.SyscallExecve17Exit, 17, Code.SyscallExecve18Exit, Old(0), Old(1), Old(2), Old(3), Old(4), Old(5), Old(6), Old(7), Old(8), Old(9), Old(10), Old(11), Old(12), Old(13), Old(14), Old(15), Old(16)),
        ChangeType(Code.SyscallExecve18Enter, 1, Code.SyscallExecve19Enter, Old(0)),
        ChangeType(Code.SyscallExecve18Exit, 17, Code.SyscallExecve19Exit, Old(0), Old(1), Old(2), Old(3), Old(4), Old(5), Old(6), Old(7), Old(8), Old(9), Old(10), Old(11), Old(12), Old(13), Old(14), Old(15), Old(16), Empty),
        AddParams(Code.SyscallExecve19Exit, 18, Empty),
        StoreAndPass(Code.SyscallExecve19Enter, 1),
        AddParams(Code.SyscallExecve19Exit, 19, Empty),
        AddParams(Code.SyscallExecve19Exit, 20, Empty, Empty, Empty),
        AddParams(Code.SyscallExecve19Exit, 23, Empty, Empty, Empty),
        AddParams(Code.SyscallExecve19Exit, 26, Empty),
        AddParams(Code.SyscallExecve19Exit, 27, Empty),
        AddParams(Code.SyscallExecve19Exit, 28, Empty),
        AddParams(Code.SyscallExecve19Exit, 29, Empty),
        AddParams(Code.SyscallExecve19Exit, 30, EnterOrEmpty(0)),
        // clone
        ChangeType(Code.SyscallClone11Exit, 11, Code.SyscallClone16Exit, Old(0), Old(1), Old(2), Old(3), Old(4), Old(5), Old(6), Old(7), Empty, Empty, Empty, Empty, Empty, Old(8), Old(9), Old(10)),
        ChangeType(Code.SyscallClone16Exit, 16, Code.SyscallClone17Exit, Old(0), Old(1), Old(2), Old(3), Old(4), Old(5), Old(6), Old(7), Old(8), Old(9), Old(10), Old(11), Old(12), Empty, Old(13), Old(14), Old(15)),
        ChangeType(Code.SyscallClone17Exit, 17, Code.SyscallClone20Exit, Old(0), Old(1), Old(2), Old(3), Old(4), Old(5), Old(6), Old(7), Old(8), Old(9), Old(10), Old(11), Old(12), Old(13), Empty, Old(14), Old(15), Old(16), Empty, Empty),
        AddParams(Code.SyscallClone20Exit, 20, Empty),
        // bind
        Store(Code.SocketBindEnter, 1),
        AddParams(Code.SocketBindExit, 2, Enter(0)),
        // connect
        AddParams(Code.SocketConnectEnter, 1, Default),
        StoreAndPass(Code.SocketConnectEnter, 2),
        AddParams(Code.SocketConnectExit, 2, Enter(0)),
        AddParams(Code.SocketConnectExit, 3, Enter(1)),
        // procexit
        ChangeType(Code.ProcexitEnter, 0, Code.Procexit1Enter, Empty, Empty, Empty, Empty, Empty),
        // socket
        Store(Code.SocketSocketEnter, 3),
        AddParams(Code.SocketSocketExit, 1, Enter(0), Enter(1), Enter(2)),
        // socket's exit gained flags in this event table; captures older than it never carried it.
        AddParams(Code.SocketSocketExit, 4, Empty),
        // listen
        Store(Code.SocketListenEnter, 2),
        AddParams(Code.SocketListenExit, 1, Enter(0), Enter(1)),
        // accept
        ChangeType(Code.SocketAcceptExit, 3, Code.SocketAccept5Exit, Old(0), Old(1), Old(2), Default, Default),
        // write
        Store(Code.SyscallWriteEnter, 2),
        AddParams(Code.SyscallWriteExit, 2, Enter(0), Enter(1)),
        // pwrite
        Store(Code.SyscallPwriteEnter, 3),
        AddParams(Code.SyscallPwriteExit, 2, Enter(0), Enter(1), Enter(2)),
        // readv
        Store(Code.SyscallReadvEnter, 1),
        AddParams(Code.SyscallReadvExit, 3, Enter(0)),
        // writev
        Store(Code.SyscallWritevEnter, 2),
        AddParams(Code.SyscallWritevExit, 2, Enter(0), Enter(1)),
        // preadv
        Store(Code.SyscallPreadvEnter, 2),
        AddParams(Code.SyscallPreadvExit, 3, Enter(0), Enter(1)),
        // pwritev
        Store(Code.SyscallPwritevEnter, 3),
        AddParams(Code.SyscallPwritevExit, 2, Enter(0), Enter(1), Enter(2)),
        // setresuid
        Store(Code.SyscallSetresuidEnter, 3),
        AddParams(Code.SyscallSetresuidExit, 1, EnterOrEmpty(0), EnterOrEmpty(1), EnterOrEmpty(2)),
        // setuid
        Store(Code.SyscallSetuidEnter, 1),
        AddParams(Code.SyscallSetuidExit, 1, EnterOrEmpty(0)),
        // recv
        Store(Code.SocketRecvEnter, 2),
        AddParams(Code.SocketRecvExit, 2, Enter(0), Enter(1), Default),
        // recvfrom
        Store(Code.SocketRecvfromEnter, 2),
        AddParams(Code.SocketRecvfromExit, 3, Enter(0), Enter(1)),
        // send
        Store(Code.SocketSendEnter, 2),
        AddParams(Code.SocketSendExit, 2, Enter(0), Enter(1), Default),
        // sendto
        Store(Code.SocketSendtoEnter, 3),
        AddParams(Code.SocketSendtoExit, 2, Enter(0), Enter(1), Enter(2)),
        // shutdown
        Store(Code.SocketShutdownEnter, 2),
        AddParams(Code.SocketShutdownExit, 1, Enter(0), Enter(1)),
        // socketpair
        Store(Code.SocketSocketpairEnter, 3),
        AddParams(Code.SocketSocketpairExit, 5, Enter(0), Enter(1), Enter(2)),
        // sendmsg
        Store(Code.SocketSendmsgEnter, 3),
        AddParams(Code.SocketSendmsgExit, 2, Enter(0), Enter(1), Enter(2)),
        // sendmmsg
        AddParams(Code.SocketSendmmsgExit, 0, Default, Empty, Empty, Empty, Empty),
        // recvmsg
        Store(Code.SocketRecvmsgEnter, 1),
        AddParams(Code.SocketRecvmsgExit, 4, Default),
        AddParams(Code.SocketRecvmsgExit, 5, Enter(0)),
        // recvmmsg
        AddParams(Code.SocketRecvmmsgExit, 0, Default, Empty, Empty, Empty, Empty, Empty),
        // creat
        AddParams(Code.SyscallCreatEnter, 0, Empty, Empty),
        Pass(Code.SyscallCreatEnter, 2),
        AddParams(Code.SyscallCreatExit, 3, Empty),
        AddParams(Code.SyscallCreatExit, 4, Empty),
        AddParams(Code.SyscallCreatExit, 5, Empty),
        // eventfd
        Store(Code.SyscallEventfdEnter, 2),
        AddParams(Code.SyscallEventfdExit, 1, Enter(0), Enter(1)),
        // mkdir
        Store(Code.SyscallMkdir2Enter, 1),
        AddParams(Code.SyscallMkdir2Exit, 2, EnterOrEmpty(0)),
        Store(Code.SyscallMkdirEnter, 2),
        ChangeType(Code.SyscallMkdirExit, 1, Code.SyscallMkdir2Exit, Old(0), EnterOrEmpty(0), EnterOrEmpty(1)),
        // rmdir
        Store(Code.SyscallRmdirEnter, 1),
        ChangeType(Code.SyscallRmdirExit, 1, Code.SyscallRmdir2Exit, Old(0), EnterOrEmpty(0)),
        // openat
        Store(Code.SyscallOpenatEnter, 4),
        ChangeType(Code.SyscallOpenatExit, 1, Code.SyscallOpenat2Exit, Old(0), EnterOrEmpty(0), EnterOrEmpty(1), EnterOrEmpty(2), EnterOrEmpty(3), Empty, Empty),
        AddParams(Code.SyscallOpenat2Enter, 0, Empty, Empty, Empty, Empty),
        Pass(Code.SyscallOpenat2Enter, 4),
        AddParams(Code.SyscallOpenat2Exit, 5, Empty),
        AddParams(Code.SyscallOpenat2Exit, 6, Empty),
        // unshare
        Store(Code.SyscallUnshareEnter, 1),
        AddParams(Code.SyscallUnshareExit, 1, Enter(0)),
        // futex
        Store(Code.SyscallFutexEnter, 3),
        AddParams(Code.SyscallFutexExit, 1, Enter(0), Enter(1), Enter(2)),
        // fstat
        Store(Code.SyscallFstatEnter, 1),
        AddParams(Code.SyscallFstatExit, 1, Enter(0)),
        // epoll_wait
        Store(Code.SyscallEpollwaitEnter, 1),
        AddParams(Code.SyscallEpollwaitExit, 1, Enter(0)),
        // poll
        Store(Code.SyscallPollEnter, 2),
        AddParams(Code.SyscallPollExit, 2, Enter(1)),
        // newselect
        ChangeType(Code.SyscallNewselectExit, 1, Code.SyscallSelectExit, Old(0)),
        // lseek
        Store(Code.SyscallLseekEnter, 3),
        AddParams(Code.SyscallLseekExit, 1, Enter(0), Enter(1), Enter(2)),
        // llseek
        Store(Code.SyscallLlseekEnter, 3),
        AddParams(Code.SyscallLlseekExit, 1, Enter(0), Enter(1), Enter(2)),
        // ioctl
        Store(Code.SyscallIoctl2Enter, 2),
        ChangeType(Code.SyscallIoctl2Exit, 1, Code.SyscallIoctl3Exit, Old(0), EnterOrEmpty(0), EnterOrEmpty(1), Empty),
        Store(Code.SyscallIoctl3Enter, 3),
        AddParams(Code.SyscallIoctl3Exit, 1, Enter(0), Enter(1), Enter(2)),
        // mmap
        Store(Code.SyscallMmapEnter, 6),
        AddParams(Code.SyscallMmapExit, 4, Enter(0), Enter(1), Enter(2), Enter(3), Enter(4), Enter(5)),
        // mmap2
        Store(Code.SyscallMmap2Enter, 6),
        AddParams(Code.SyscallMmap2Exit, 4, Enter(0), Enter(1), Enter(2), Enter(3), Enter(4), Enter(5)),
        // munmap
        Store(Code.SyscallMunmapEnter, 2),
        AddParams(Code.SyscallMunmapExit, 4, Enter(0), Enter(1)),
        // splice
        Store(Code.SyscallSpliceEnter, 4),
        AddParams(Code.SyscallSpliceExit, 1, Enter(0), Enter(1), Enter(2), Enter(3)),
        // ptrace
        Store(Code.SyscallPtraceEnter, 2),
        AddParams(Code.SyscallPtraceExit, 0, Empty, Empty, Empty),
        AddParams(Code.SyscallPtraceExit, 3, EnterOrEmpty(0), EnterOrEmpty(1)),
        // fork
        ChangeType(Code.SyscallForkExit, 16, Code.SyscallFork17Exit, Old(0), Old(1), Old(2), Old(3), Old(4), Old(5), Old(6), Old(7), Old(8), Old(9), Old(10), Old(11), Old(12), Empty, Old(13), Old(14), Old(15)),
        ChangeType(Code.SyscallFork17Exit, 17, Code.SyscallFork20Exit, Old(0), Old(1), Old(2), Old(3), Old(4), Old(5), Old(6), Old(7), Old(8), Old(9), Old(10), Old(11), Old(12), Old(13), Empty, Old(14), Old(15), Old(16), Empty, Empty),
        AddParams(Code.SyscallFork20Exit, 20, Empty),
        // vfork
        ChangeType(Code.SyscallVforkExit, 16, Code.SyscallVfork17Exit, Old(0), Old(1), Old(2), Old(3), Old(4), Old(5), Old(6), Old(7), Old(8), Old(9), Old(10), Old(11), Old(12), Empty, Old(13), Old(14), Old(15)),
        ChangeType(Code.SyscallVfork17Exit, 17, Code.SyscallVfork20Exit, Old(0), Old(1), Old(2), Old(3), Old(4), Old(5), Old(6), Old(7), Old(8), Old(9), Old(10), Old(11), Old(12), Old(13), Empty, Old(14), Old(15), Old(16), Empty, Empty),
        AddParams(Code.SyscallVfork20Exit, 20, Empty),
        // sendfile
        Store(Code.SyscallSendfileEnter, 4),
        AddParams(Code.SyscallSendfileExit, 2, Enter(0), Enter(1), Enter(3)),
        // quotactl
        Store(Code.SyscallQuotactlEnter, 4),
        AddParams(Code.SyscallQuotactlExit, 14, Enter(0), Enter(1), Enter(2), Enter(3)),
        // fchdir
        Store(Code.SyscallFchdirEnter, 1),
        AddParams(Code.SyscallFchdirExit, 1, EnterOrEmpty(0)),
        // getdents
        Store(Code.SyscallGetdentsEnter, 1),
        AddParams(Code.SyscallGetdentsExit, 1, Enter(0)),
        // getdents64
        Store(Code.SyscallGetdents64Enter, 1),
        AddParams(Code.SyscallGetdents64Exit, 1, Enter(0)),
        // setns
        Store(Code.SyscallSetnsEnter, 2),
        AddParams(Code.SyscallSetnsExit, 1, EnterOrEmpty(0), EnterOrEmpty(1)),
        // flock
        Store(Code.SyscallFlockEnter, 2),
        AddParams(Code.SyscallFlockExit, 1, Enter(0), Enter(1)),
        // semop
        Store(Code.SyscallSemopEnter, 1),
        AddParams(Code.SyscallSemopExit, 8, Enter(0)),
        // semctl
        Store(Code.SyscallSemctlEnter, 4),
        AddParams(Code.SyscallSemctlExit, 1, Enter(0), Enter(1), Enter(2), Enter(3)),
        // ppoll
        Store(Code.SyscallPpollEnter, 3),
        AddParams(Code.SyscallPpollExit, 2, Enter(1), Enter(2)),
        // mount
        Store(Code.SyscallMountEnter, 1),
        AddParams(Code.SyscallMountExit, 4, Enter(0)),
        // umount
        ChangeType(Code.SyscallUmountExit, 2, Code.SyscallUmount1Exit, Old(0), Old(1)),
        // semget
        Store(Code.SyscallSemgetEnter, 3),
        AddParams(Code.SyscallSemgetExit, 1, Enter(0), Enter(1), Enter(2)),
        // access
        Store(Code.SyscallAccessEnter, 1),
        AddParams(Code.SyscallAccessExit, 2, Enter(0)),
        // container
        ChangeType(Code.ContainerEnter, 4, Code.ContainerJsonEnter, ContainerJson),
        ChangeType(Code.ContainerJsonEnter, 1, Code.ContainerJson2Enter, Old(0)),
        // setgid
        Store(Code.SyscallSetgidEnter, 1),
        AddParams(Code.SyscallSetgidExit, 1, EnterOrEmpty(0)),
        // setpgid
        Store(Code.SyscallSetpgidEnter, 2),
        AddParams(Code.SyscallSetpgidExit, 1, EnterOrEmpty(0), EnterOrEmpty(1)),
        // bpf
        Store(Code.SyscallBpfEnter, 1),
        ChangeType(Code.SyscallBpfExit, 1, Code.SyscallBpf2Exit, Old(0), EnterOrEmpty(0)),
        // seccomp
        AddParams(Code.SyscallSeccompEnter, 1, Default),
        Store(Code.SyscallSeccompEnter, 2),
        AddParams(Code.SyscallSeccompExit, 1, Enter(0), Enter(1)),
        // openat2
        AddParams(Code.SyscallOpenat2Enter326, 0, Empty, Empty, Empty, Empty, Empty),
        Pass(Code.SyscallOpenat2Enter326, 5),
        AddParams(Code.SyscallOpenat2Exit327, 6, Empty, Empty),
        // mprotect
        Store(Code.SyscallMprotectEnter, 3),
        AddParams(Code.SyscallMprotectExit, 1, Enter(0), Enter(1), Enter(2)),
        // execveat
        Pass(Code.SyscallExecveatEnter, 3),
        AddParams(Code.SyscallExecveatExit, 19, Empty),
        AddParams(Code.SyscallExecveatExit, 20, Empty, Empty, Empty),
        AddParams(Code.SyscallExecveatExit, 23, Empty, Empty, Empty),
        AddParams(Code.SyscallExecveatExit, 26, Empty),
        AddParams(Code.SyscallExecveatExit, 27, Empty),
        AddParams(Code.SyscallExecveatExit, 28, Empty),
        AddParams(Code.SyscallExecveatExit, 29, Empty),
        // copy_file_range
        Store(Code.SyscallCopyFileRangeEnter, 3),
        AddParams(Code.SyscallCopyFileRangeExit, 3, Enter(0), Enter(1), Enter(2)),
        // clone3
        AddParams(Code.SyscallClone3Exit, 20, Empty),
        // epoll_create
        Store(Code.SyscallEpollCreateEnter, 1),
        AddParams(Code.SyscallEpollCreateExit, 1, Enter(0)),
        // epoll_create1
        Store(Code.SyscallEpollCreate1Enter, 1),
        AddParams(Code.SyscallEpollCreate1Exit, 1, Enter(0)),
        // setresgid
        Store(Code.SyscallSetresgidEnter, 3),
        AddParams(Code.SyscallSetresgidExit, 1, EnterOrEmpty(0), EnterOrEmpty(1), EnterOrEmpty(2)),
        // accept4
        Store(Code.SocketAccept4Enter, 1),
        ChangeType(Code.SocketAccept4Exit, 3, Code.SocketAccept46Exit, Old(0), Old(1), Old(2), Default, Default, Enter(0)),
        Store(Code.SocketAccept45Enter, 1),
        ChangeType(Code.SocketAccept45Exit, 5, Code.SocketAccept46Exit, Old(0), Old(1), Old(2), Old(3), Old(4), Enter(0)),
        Store(Code.SocketAccept46Enter, 1),
        AddParams(Code.SocketAccept46Exit, 5, Enter(0)),
        // umount2
        Store(Code.SyscallUmount2Enter, 1),
        AddParams(Code.SyscallUmount2Exit, 2, Enter(0)),
        // eventfd2
        Store(Code.SyscallEventfd2Enter, 1),
        AddParams(Code.SyscallEventfd2Exit, 2, Enter(0)),
        // signalfd4
        Store(Code.SyscallSignalfd4Enter, 2),
        AddParams(Code.SyscallSignalfd4Exit, 2, Enter(0), Enter(1)),
    ];
}
