import { defineStrings } from "@/components/i18n/ui-locale";

export const signInStrings = defineStrings({
  en: {
    title: "Sign in to Connect Inbox",
    intro: "Use your workspace email and password.",
    email: "Email",
    password: "Password",
    signIn: "Sign in",
    signingIn: "Signing in…",
    failed: "That email and password do not match an account.",
    throttled: "Too many sign-in attempts that did not succeed. Wait, then try again in {minutes} min.",
    unavailable: "Signing in is not possible right now. Try again in a moment.",
  },
  ar: {
    title: "تسجيل الدخول إلى Connect Inbox",
    intro: "استخدم البريد الإلكتروني وكلمة المرور الخاصين بمساحة عملك.",
    email: "البريد الإلكتروني",
    password: "كلمة المرور",
    signIn: "تسجيل الدخول",
    signingIn: "جارٍ تسجيل الدخول…",
    failed: "البريد الإلكتروني وكلمة المرور لا يطابقان أي حساب.",
    throttled: "محاولات تسجيل دخول فاشلة كثيرة. انتظر ثم حاول مرة أخرى (الدقائق المتبقية: {minutes}).",
    unavailable: "تسجيل الدخول غير ممكن الآن. حاول مرة أخرى بعد قليل.",
  },
  tr: {
    title: "Connect Inbox'a giriş yapın",
    intro: "Çalışma alanınızın e-posta adresini ve parolasını kullanın.",
    email: "E-posta",
    password: "Parola",
    signIn: "Giriş yap",
    signingIn: "Giriş yapılıyor…",
    failed: "Bu e-posta ve parola hiçbir hesapla eşleşmiyor.",
    throttled: "Çok fazla başarısız giriş denemesi. Bekleyin ve {minutes} dakika sonra yeniden deneyin.",
    unavailable: "Şu anda giriş yapılamıyor. Biraz sonra yeniden deneyin.",
  },
});
