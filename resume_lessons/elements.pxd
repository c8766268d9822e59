# C types for Cython when it compiles elements.py (see setup.py); Python never reads this file.
import cython

@cython.locals(c=Py_UCS4)
cpdef bint _has_digit(unicode lowered)

@cython.locals(n=Py_ssize_t, i=Py_ssize_t, c=Py_UCS4)
cpdef list _number_starts(unicode lowered)

@cython.locals(n=Py_ssize_t, i=Py_ssize_t, end=Py_ssize_t, c=Py_UCS4, p=Py_UCS4)
cpdef list _scale_numbers(unicode lowered)

@cython.locals(n=Py_ssize_t, i=Py_ssize_t, j=Py_ssize_t, step=Py_ssize_t, c=Py_UCS4)
cpdef list _magnitude_starts(unicode lowered)

@cython.locals(n=Py_ssize_t, i=Py_ssize_t, c=Py_UCS4, p=Py_UCS4)
cpdef list _traffic_starts(unicode lowered)
