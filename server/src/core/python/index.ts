// The one home of the Python ports: CPython behaviour dbnd and configparser rely on, each named `py<Name>`
// after the Python function it ports, so a reader can look the original up.
export { pyDirname, pyExpandUser, pyExpandVars } from './path';
export { pyInt, pyIntFromString, pyNumericText } from './int';
export { pyPercent2d, pyStrFormat } from './format';
export { pyList2cmdline, pyShlexSplit } from './shlex';
export { pyFloatRepr, pyRepr, pyStr, pyTypeName } from './str';
export { pyIsSpace, pyLower, pyRstrip, pyStrip, skipPySpace, skipPySpaceBackward } from './strMethods';
export { pyDedent } from './textwrap';
export { pyTruthy } from './truthy';
