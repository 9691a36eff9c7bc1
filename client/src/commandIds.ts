// The command ids live in protocol/commandIds.ts, shared with the server (its CodeLenses name two of them);
// the client's files import them from here.
export * from '../../protocol/commandIds';
