# C types for Cython when it compiles profile.py (see setup.py); Python never reads this file.
import cython

@cython.locals(n=Py_ssize_t, i=Py_ssize_t, j=Py_ssize_t, c=Py_UCS4)
cpdef tuple scan_tokens(unicode lowered)
