import _official_env

print(_official_env.f())
