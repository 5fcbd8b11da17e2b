// What happens to a file once it is added: checked against the policy, then sent. Loaded when the
// first file arrives, or when the member shows they are about to add one (see use-uploads).
export { refusalOf } from "@/components/messages/upload-check";
export { UploadError, uploadAttachment } from "@/components/messages/upload-request";
