// The part of Excel's custom-functions runtime (CustomFunctionsRuntime 1.2+) that SCI uses.
// office.js provides it at run time; these declarations stand in for @types/custom-functions-runtime.
declare namespace CustomFunctions {
  /** An Excel error value; #VALUE! and #N/A show the message in the cell's error menu. */
  class Error {
    constructor(code: ErrorCode, message?: string);
    code: ErrorCode;
    message?: string;
  }

  enum ErrorCode {
    invalidValue = "#VALUE!",
    notAvailable = "#N/A",
    divisionByZero = "#DIV/0!",
    invalidNumber = "#NUM!",
    nullReference = "#NULL!",
    invalidName = "#NAME?",
    invalidReference = "#REF!",
  }

  interface Invocation {
    address?: string;
    functionName?: string;
    parameterAddresses?: string[];
    isInValuePreview?: boolean;
  }

  interface CancelableInvocation extends Invocation {
    /** Set by the function; Excel calls it when the cell no longer needs results. */
    onCanceled: () => void;
  }

  interface StreamingInvocation<ResultType> extends CancelableInvocation {
    setResult: (value: ResultType | Error) => void;
  }

  function associate(id: string, functionObject: (...args: never[]) => unknown): void;
  function associate(mappings: { [key: string]: (...args: never[]) => unknown }): void;
}
